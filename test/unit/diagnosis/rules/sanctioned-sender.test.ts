import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { sanctionedSenderRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, country restrictions:
 * 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)的商家不符資格,無法使用 WhatsApp Business 平台。」
 * (businesses in Cuba, Iran, North Korea, Syria and the three sanctioned regions of Ukraine are not
 * eligible for the platform).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(sanctionedSenderRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const IRAN = '+989121234567';
const TURKEY = '+905321234567';
const TURKEY_LIFTED = Date.UTC(2024, 4, 15);

describe('sanctioned-sender rule', () => {
  it('finds a business number in Iran: the account itself is restricted, whoever the customer is', () => {
    expectFindings({ sender: IRAN }).toEqual([
      {
        rule: 'sanctioned-sender',
        cause: C.ACCOUNT_RESTRICTED,
        verdict: V.FAILED,
        strength: Strength.SANCTIONED_CERTAIN,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.region.sender',
            params: { number: IRAN, place: { text: 'place.IR' }, certainty: { text: 'certainty.certain' } },
          },
        ],
      },
    ]);
  });

  it('weighs a sanctioned region by its area code, as for customers', () => {
    expectFindings({ sender: '+380642123456' }).toMatchObject([
      {
        strength: Strength.SANCTIONED_LIKELY,
        facts: [{ params: { place: { text: 'place.LUHANSK' }, certainty: { text: 'certainty.likely' } } }],
      },
    ]);
  });

  it('judges Turkey at the message’s creation, and says nothing about a lifted restriction', () => {
    const createdAt = (at: number) => message([{ status: 'SENT', at }]);
    expectFindings({
      now: TURKEY_LIFTED + HOUR,
      sender: TURKEY,
      message: createdAt(TURKEY_LIFTED - 1),
    }).toMatchObject([{ cause: C.ACCOUNT_RESTRICTED }]);
    expectNothing({ now: TURKEY_LIFTED + HOUR, sender: TURKEY, message: createdAt(TURKEY_LIFTED) });
  });

  it('still finds it next to a delivered message: a delivery says nothing of the business’s eligibility', () => {
    expectFindings({
      sender: IRAN,
      message: message([{ status: 'DELIVERED', at: NOW - HOUR }]),
    }).toMatchObject([{ cause: C.ACCOUNT_RESTRICTED }]);
  });

  it('finds nothing without a sender, or for a business number elsewhere; the customer’s number is not its', () => {
    expectNothing({});
    expectNothing({ sender: '+16505551234' });
    expectNothing({ recipient: IRAN });
  });
});
