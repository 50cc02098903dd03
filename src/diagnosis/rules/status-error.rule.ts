import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { hasFailed, messageErrors } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';
import { errorCodeFinding } from './error-code-finding';

const NAME = 'status-error';

/**
 * Seed, "In some cases the API returns an error code": a `failed` status carries Meta's errors; each one
 * becomes a finding through the catalogue. A `failed` without any error is reported as unexplained.
 */
export const statusErrorRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message) return [];
    const errors = messageErrors(message);
    if (errors.length > 0) {
      return errors.map((e) =>
        errorCodeFinding(NAME, { code: e.code, title: e.title ?? e.message, details: e.details }),
      );
    }
    if (!hasFailed(message)) return [];
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.UNKNOWN,
        verdict: Verdict.FAILED,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.failedNoError' }],
      },
    ];
  },
};
