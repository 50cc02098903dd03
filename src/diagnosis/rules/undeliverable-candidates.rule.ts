import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { allErrorCodes } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'undeliverable-candidates';

/** Meta's error-code reference: 131026 "Message undeliverable". */
const UNDELIVERABLE = 131026;

/**
 * Meta's troubleshooting page names, among the errors the API returns,
 * 「顧客尚未接受我們新的《服務條款》和《隱私政策》。」 (the customer has not accepted the new Terms of Service and
 * Privacy Policy) and 「顧客正在使用舊的 WhatsApp 版本。」 (the customer uses an old WhatsApp version); Meta's
 * error-code reference gives both among the reasons for 131026. The code does not say which, so both are
 * listed as weaker candidates next to RECIPIENT_UNREACHABLE.
 */
export const undeliverableCandidatesRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    if (!allErrorCodes(evidence).includes(UNDELIVERABLE)) return [];
    const candidate = (
      cause: DiagnosisCause,
      id: 'fact.candidate.terms' | 'fact.candidate.outdated',
    ): Finding => ({
      rule: NAME,
      cause,
      verdict: Verdict.FAILED,
      strength: Strength.CANDIDATE,
      retryable: false,
      retryAfterSeconds: null,
      facts: [{ id }],
    });
    return [
      candidate(DiagnosisCause.TERMS_NOT_ACCEPTED, 'fact.candidate.terms'),
      candidate(DiagnosisCause.OUTDATED_CLIENT, 'fact.candidate.outdated'),
    ];
  },
};
