import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { findErrorCode } from '../knowledge/error-catalog';
import { allErrorCodes } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'marketing-opt-out';

/** Meta's error-code reference: 131050 "User has stopped marketing messages". */
const MARKETING_STOPPED = 131050;

/**
 * Meta's `user_preferences` webhook reports a customer's choice to stop (or resume) marketing messages from
 * the business, and after a stop Meta refuses marketing templates with 131050. When the gateway saw that
 * choice, it is named as the evidence; it merges with the catalogue's finding for the same code.
 */
export const marketingOptOutRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const optOut = evidence.marketingOptOut;
    if (!allErrorCodes(evidence).includes(MARKETING_STOPPED) || optOut === undefined) return [];
    const info = findErrorCode(MARKETING_STOPPED);
    return [
      {
        rule: NAME,
        cause: info?.cause ?? DiagnosisCause.RECIPIENT_UNREACHABLE,
        verdict: Verdict.FAILED,
        strength: Strength.ERROR_CODE,
        code: MARKETING_STOPPED,
        retryable: info?.retryable ?? false,
        retryAfterSeconds: info?.retryAfterSeconds ?? null,
        facts: [
          optOut.stopped
            ? { id: 'fact.marketing.stopped', params: { at: formatInstant(optOut.at) } }
            : { id: 'fact.marketing.resumed', params: { at: formatInstant(optOut.at) } },
        ],
      },
    ];
  },
};
