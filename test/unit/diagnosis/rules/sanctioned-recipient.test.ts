import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { sanctionedRecipientRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, country restrictions:
 * 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)的 WhatsApp Messenger(WhatsApp)和
 * WhatsApp Business 應用程式用戶不符資格,無法接收透過 WhatsApp Business 平台傳送的訊息。」 (WhatsApp users in Cuba,
 * Iran, North Korea, Syria and the three sanctioned regions of Ukraine cannot receive messages sent through
 * the platform) and 「自 2024 年 5 月 15 日起,土耳其不再受到雲端 API 商務式訊息傳送功能的限制。」 (since 15 May 2024
 * Turkey is no longer restricted).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(sanctionedRecipientRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const CUBA = '+5352345678';
const TURKEY = '+905321234567';
const TURKEY_LIFTED = Date.UTC(2024, 4, 15);
const placeFact = (number: string, place: string, certainty: string) => ({
  id: 'fact.region.recipient',
  params: { number, place: { text: `place.${place}` }, certainty: { text: `certainty.${certainty}` } },
});

describe('sanctioned-recipient rule', () => {
  it('finds a customer in Cuba, before any send, certainly restricted: the strongest finding there is', () => {
    expectFindings({ recipient: CUBA }).toEqual([
      {
        rule: 'sanctioned-recipient',
        cause: C.SANCTIONED_REGION,
        verdict: V.FAILED,
        strength: Strength.SANCTIONED_CERTAIN,
        retryable: false,
        retryAfterSeconds: null,
        facts: [placeFact(CUBA, 'CU', 'certain')],
      },
    ]);
  });

  it('weighs a region by how sure its area code is: Crimea likely, +7 978 only possible', () => {
    expectFindings({ recipient: '+380652123456' }).toMatchObject([
      { strength: Strength.SANCTIONED_LIKELY, facts: [placeFact('+380652123456', 'CRIMEA', 'likely')] },
    ]);
    expectFindings({ recipient: '+79781234567' }).toMatchObject([
      { strength: Strength.SANCTIONED_POSSIBLE, facts: [placeFact('+79781234567', 'CRIMEA', 'possible')] },
    ]);
    // A range shared with other places must not outweigh what Meta's error code says.
    expect(Strength.SANCTIONED_POSSIBLE).toBeLessThan(Strength.ERROR_CODE);
    expect(Strength.SANCTIONED_LIKELY).toBeGreaterThan(Strength.ERROR_CODE);
  });

  it('takes the customer from the message when the evidence names none, and the given number first', () => {
    const toCuba = message([{ status: 'SENT', at: NOW - HOUR }], { recipient: CUBA });
    expectFindings({ message: toCuba }).toMatchObject([{ facts: [placeFact(CUBA, 'CU', 'certain')] }]);
    expectNothing({ message: toCuba, recipient: '+16505551234' });
  });

  it('judges Turkey at the message’s creation: restricted until 2024-05-15 00:00 UTC', () => {
    const createdAt = (at: number) => message([{ status: 'SENT', at }], { recipient: TURKEY });
    expectFindings({ now: TURKEY_LIFTED + HOUR, message: createdAt(TURKEY_LIFTED - 1) }).toMatchObject([
      { cause: C.SANCTIONED_REGION, facts: [placeFact(TURKEY, 'TR', 'certain')] },
    ]);
    expectFindings({ now: TURKEY_LIFTED + HOUR, message: createdAt(TURKEY_LIFTED) }).toEqual([
      {
        rule: 'sanctioned-recipient',
        cause: C.NONE,
        verdict: V.OK,
        strength: Strength.BACKGROUND,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.region.lifted',
            params: { number: TURKEY, place: { text: 'place.TR' }, date: '2024-05-15' },
          },
        ],
      },
    ]);
  });

  it('judges a number before the send at the clock', () => {
    expectFindings({ now: TURKEY_LIFTED - 1, recipient: TURKEY }).toMatchObject([
      { cause: C.SANCTIONED_REGION },
    ]);
    expectFindings({ now: TURKEY_LIFTED, recipient: TURKEY }).toMatchObject([{ cause: C.NONE }]);
  });

  it('stays silent once a device confirmed the message: the delivery proves the customer reachable', () => {
    for (const status of ['DELIVERED', 'READ']) {
      expectNothing({ message: message([{ status, at: NOW - HOUR }], { recipient: CUBA }) });
    }
  });

  it('finds nothing for an unrestricted, unreadable or missing number', () => {
    expectNothing({ recipient: '+16505551234' });
    expectNothing({ recipient: '+380441234567' });
    expectNothing({ recipient: 'not a number' });
    expectNothing({});
    expectNothing({ message: message([{ status: 'SENT', at: NOW - HOUR }], { recipient: undefined }) });
  });
});
