import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { deliveredRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, on webhooks:
 * 「系統已將觸發 "delivered" 訊息狀態 Webhook 的任何訊息送達到至少一部用戶裝置。」
 * (any message that triggered a "delivered" status webhook reached at least one of the user's devices).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(deliveredRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const reached = (status: string) =>
  message([
    { status: 'SENT', at: NOW - 2 * HOUR },
    { status, at: NOW - HOUR },
  ]);

describe('delivered rule', () => {
  it('finds a delivered message OK, with the time Meta reported it', () => {
    expectFindings({ message: reached('DELIVERED') }).toEqual([
      {
        rule: 'delivered',
        cause: C.NONE,
        verdict: V.OK,
        strength: Strength.DELIVERED,
        retryable: false,
        retryAfterSeconds: null,
        params: { status: 'DELIVERED' },
        facts: [{ id: 'fact.deliveredAt', params: { status: 'DELIVERED', at: '2025-02-28 23:00 UTC' } }],
        headline: { title: 'headline.delivered.title', explanation: 'headline.delivered.explanation' },
      },
    ]);
  });

  it.each(['READ', 'PLAYED'])('counts %s as delivered, naming that status and its time', (status) => {
    const read = message([
      { status: 'SENT', at: NOW - 3 * HOUR },
      { status: 'DELIVERED', at: NOW - 2 * HOUR },
      { status, at: NOW - HOUR },
    ]);
    expectFindings({ message: read }).toMatchObject([
      {
        verdict: V.OK,
        params: { status },
        facts: [{ id: 'fact.deliveredAt', params: { status, at: '2025-02-28 23:00 UTC' } }],
      },
    ]);
  });

  it('reads statuses in any case', () => {
    expectFindings({ message: reached('delivered') }).toMatchObject([
      { verdict: V.OK, params: { status: 'DELIVERED' } },
    ]);
  });

  it('says only the status when the history does not hold the time of it', () => {
    const told = message([{ status: 'SENT', at: NOW - HOUR }], { status: 'READ' });
    expectFindings({ message: told }).toMatchObject([
      { verdict: V.OK, facts: [{ id: 'fact.status', params: { status: 'READ' } }] },
    ]);
  });

  it('still counts a delivery in the history when the effective status is one it does not know', () => {
    const odd = message(
      [
        { status: 'SENT', at: NOW - 2 * HOUR },
        { status: 'DELIVERED', at: NOW - HOUR },
      ],
      { status: 'TELEPORTED' },
    );
    expectFindings({ message: odd }).toMatchObject([
      { verdict: V.OK, facts: [{ id: 'fact.deliveredAt', params: { status: 'DELIVERED' } }] },
    ]);
  });

  it('finds nothing without a message, or before any device confirmed it', () => {
    expectNothing({});
    for (const status of ['ACCEPTED', 'HELD', 'SENT', 'FAILED', 'DELETED', 'WARNING']) {
      expectNothing({ message: message([{ status, at: NOW - HOUR }]) });
    }
  });

  it('leaves a delivery beside a failure to the conflict rule: not OK, even on one device', () => {
    const both = message([
      { status: 'DELIVERED', at: NOW - 2 * HOUR },
      { status: 'FAILED', at: NOW - HOUR, errors: [{ code: 131026 }] },
    ]);
    expectNothing({ message: both });
    // The store flags a conflict it saw even when the history kept here holds only the delivery.
    expectNothing({ message: { ...reached('DELIVERED'), conflict: true } });
  });
});
