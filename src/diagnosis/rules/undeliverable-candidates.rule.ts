import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { allErrorCodes } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'undeliverable-candidates';

/** error-codes.md: 131026 "Message undeliverable". */
const UNDELIVERABLE = 131026;

/**
 * Seed, "Message not delivered": among the reasons behind 131026 are a customer who has not accepted the
 * new Terms of Service and Privacy Policy, and a customer on an old WhatsApp version. Meta does not say
 * which, so both are listed as weaker candidates next to RECIPIENT_UNREACHABLE.
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
