import { type Evidence } from '../evidence';
import { type Fact, type Finding } from '../finding';
import { type DiagnosisRule } from './rule';
import { errorCodeFinding } from './error-code-finding';

const NAME = 'send-error';

/**
 * Meta's troubleshooting page: 「在某些狀況下,API 將傳回錯誤代碼」 (in some cases the API returns an error code),
 * invalid request parameters and integration errors among its examples. Here the upstream rejected the
 * send. The catalogue gives the cause; the envelope adds the HTTP status, Meta's details (which name the
 * bad parameter) and the trace id support will ask for.
 */
export const sendErrorRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const error = evidence.sendError;
    if (!error) return [];
    const finding = errorCodeFinding(NAME, {
      code: error.code,
      subcode: error.subcode,
      title: error.title ?? (error.message !== '' ? error.message : undefined),
      details: error.details,
      httpStatus: error.httpStatus,
    });
    const extra: Fact[] = [];
    if (error.httpStatus !== undefined) {
      extra.push({
        id: error.httpStatus >= 500 ? 'fact.httpServerError' : 'fact.sendRejected',
        params: { httpStatus: error.httpStatus },
      });
    }
    if (error.fbtraceId !== undefined)
      extra.push({ id: 'fact.fbtrace', params: { fbtraceId: error.fbtraceId } });
    return [{ ...finding, facts: [...finding.facts, ...extra] }];
  },
};
