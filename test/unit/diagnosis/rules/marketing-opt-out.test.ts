import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { marketingOptOutRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, failedMessage, HOUR, NOW, rejectedSend } from '../diagnosis-harness';

/*
 * Meta's `user_preferences` webhook reports a customer's choice to stop (or resume) marketing messages
 * from the business; after a stop Meta refuses marketing templates with 131050 "User has stopped marketing
 * messages".
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(marketingOptOutRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);
const CHOSEN_AT = NOW - 3 * HOUR;

describe('marketing-opt-out rule', () => {
  it('names the customer’s stop as the reason Meta refused with 131050', () => {
    const evidence = {
      message: failedMessage([{ code: 131050 }]),
      marketingOptOut: { stopped: true, at: CHOSEN_AT },
    };
    expectFindings(evidence).toEqual([
      {
        rule: 'marketing-opt-out',
        cause: C.RECIPIENT_UNREACHABLE,
        verdict: V.FAILED,
        strength: Strength.ERROR_CODE,
        code: 131050,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.marketing.stopped', params: { at: '2025-02-28 21:00 UTC' } }],
      },
    ]);
  });

  it('says the latest choice was a resume: the refusal may predate it', () => {
    expectFindings({
      sendError: rejectedSend(131050),
      marketingOptOut: { stopped: false, at: CHOSEN_AT },
    }).toMatchObject([{ code: 131050, facts: [{ id: 'fact.marketing.resumed' }] }]);
  });

  it('finds nothing on 131050 when the gateway saw no choice of the customer', () => {
    expectNothing({ sendError: rejectedSend(131050) });
  });

  it('finds nothing for other codes: the per-user marketing limit (131049) is not an opt-out', () => {
    expectNothing({ sendError: rejectedSend(131049), marketingOptOut: { stopped: true, at: CHOSEN_AT } });
    expectNothing({ marketingOptOut: { stopped: true, at: CHOSEN_AT } });
  });
});
