import { DiagnosisCause } from '../diagnosis-cause';
import { type Fact, type Finding, Strength } from '../finding';
import { findErrorCode } from '../knowledge/error-catalog';
import { KNOWN_TOKEN_SUBCODES } from '../knowledge/permissions';
import { type TextParams } from '../texts';
import { Verdict } from '../verdict';

/** What is known about one error occurrence besides its code. */
export interface ErrorOccurrence {
  code: number;
  subcode?: number | null;
  title?: string;
  details?: string;
  httpStatus?: number;
}

/** The retry advice for a code outside the catalogue: Meta's own 5xx clears by itself; a 4xx is about the request. */
const UNKNOWN_SERVER_RETRY_SECONDS = 60;

/** The facts about a subcode: the token subcodes of code 190 have a meaning of their own. */
export function subcodeFacts(subcode: number | null | undefined): Fact[] {
  if (subcode === undefined || subcode === null) return [];
  if (KNOWN_TOKEN_SUBCODES.includes(subcode)) return [{ id: `fact.subcode.${subcode}` as Fact['id'] }];
  return [{ id: 'fact.subcode.other', params: { subcode } }];
}

/**
 * The finding for one Meta error code, from the catalogue (cause, retry advice). A code the catalogue does
 * not know gives UNKNOWN with the raw code, title and details; with an HTTP 5xx it is Meta's outage, not
 * the customer's doing, so it becomes SERVICE_DOWNTIME and retryable.
 */
export function errorCodeFinding(rule: string, error: ErrorOccurrence): Finding {
  const info = findErrorCode(error.code);
  const codeTitle = error.title ?? info?.title;
  const params: TextParams = {
    code: error.code,
    ...(codeTitle !== undefined ? { codeTitle } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
    ...(info?.rangeEnd !== undefined ? { rangeEnd: info.rangeEnd } : {}),
  };
  const facts: Fact[] = [
    { id: 'fact.errorCode', params },
    ...(error.details !== undefined ? [{ id: 'fact.errorDetails' as const, params }] : []),
    ...subcodeFacts(error.subcode),
  ];
  const base = {
    rule,
    code: error.code,
    verdict: Verdict.FAILED,
    strength: Strength.ERROR_CODE,
    facts,
    params,
  };
  if (info) {
    return {
      ...base,
      cause: info.cause,
      retryable: info.retryable,
      retryAfterSeconds: info.retryAfterSeconds,
    };
  }
  const serverSide = error.httpStatus !== undefined && error.httpStatus >= 500;
  return serverSide
    ? {
        ...base,
        cause: DiagnosisCause.SERVICE_DOWNTIME,
        retryable: true,
        retryAfterSeconds: UNKNOWN_SERVER_RETRY_SECONDS,
      }
    : { ...base, cause: DiagnosisCause.UNKNOWN, retryable: false, retryAfterSeconds: null };
}
