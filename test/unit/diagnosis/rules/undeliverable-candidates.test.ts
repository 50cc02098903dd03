import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { undeliverableCandidatesRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, failedMessage, rejectedSend } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, among the errors the API returns:
 * 「顧客尚未接受我們新的《服務條款》和《隱私政策》。」 (the customer has not accepted the new Terms of Service and
 * Privacy Policy) and 「顧客正在使用舊的 WhatsApp 版本。」 (the customer uses an old WhatsApp version). Meta's
 * 131026 "Message undeliverable" does not say which of its reasons applies.
 */

const expectFindings = (evidence: Partial<Evidence>) =>
  expectRuleFindings(undeliverableCandidatesRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const candidate = (cause: C, factId: string) => ({
  rule: 'undeliverable-candidates',
  cause,
  verdict: V.FAILED,
  strength: Strength.CANDIDATE,
  retryable: false,
  retryAfterSeconds: null,
  facts: [{ id: factId }],
});
const BOTH_CANDIDATES = [
  candidate(C.TERMS_NOT_ACCEPTED, 'fact.candidate.terms'),
  candidate(C.OUTDATED_CLIENT, 'fact.candidate.outdated'),
];

describe('undeliverable-candidates rule', () => {
  it('lists the terms and the old WhatsApp version as candidates behind a refused 131026', () => {
    expectFindings({ sendError: rejectedSend(131026) }).toEqual(BOTH_CANDIDATES);
  });

  it('lists them behind a failed status with 131026 too, once even when the send said it as well', () => {
    expectFindings({ message: failedMessage([{ code: 131026 }]) }).toEqual(BOTH_CANDIDATES);
    expectFindings({
      sendError: rejectedSend(131026),
      message: failedMessage([{ code: 131026 }]),
    }).toEqual(BOTH_CANDIDATES);
  });

  it('stays below the error code’s own finding: they are guesses, RECIPIENT_UNREACHABLE leads', () => {
    expect(Strength.CANDIDATE).toBeLessThan(Strength.ERROR_CODE);
  });

  it('finds nothing for other codes, or without an error', () => {
    expectNothing({ sendError: rejectedSend(131047) });
    expectNothing({ message: failedMessage([{ code: 131050 }]) });
    expectNothing({});
  });
});
