import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { hasFailed, messageErrors } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';
import { errorCodeFinding } from './error-code-finding';

const NAME = 'status-error';

/**
 * Meta's troubleshooting page: 「在某些狀況下,API 將傳回錯誤代碼」 (in some cases the API returns an error code).
 * After the send, they come on a `failed` status webhook; each one becomes a finding through the
 * catalogue. A `failed` without any error is reported as unexplained.
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
