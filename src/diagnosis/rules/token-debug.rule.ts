import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence, type TokenDebugEvidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { findErrorCode } from '../knowledge/error-catalog';
import { REQUIRED_PERMISSIONS } from '../knowledge/permissions';
import { TOKEN_EXPIRY_WARNING_MS } from '../knowledge/windows';
import { allErrorCodes } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';
import { subcodeFacts } from './error-code-finding';

const NAME = 'token-debug';

/** Which of the two permissions a Cloud API token needs are not among `scopes`. */
export function missingPermissions(scopes: readonly string[]): string[] {
  return REQUIRED_PERMISSIONS.filter((p) => !scopes.includes(p));
}

/** Whether `code` is an authentication or authorization error: one that the token-debug result can explain. */
export function isAuthErrorCode(code: number): boolean {
  const cause = findErrorCode(code)?.cause;
  return cause === DiagnosisCause.ACCESS_TOKEN || cause === DiagnosisCause.PERMISSION_MISSING;
}

/**
 * Meta's troubleshooting page, on authentication and authorization errors:
 * 「當您用於 API 呼叫的存取權杖發生問題時,系統將傳回這些錯誤。」 (these errors come back when the access token of
 * the call has a problem). It says to paste the token into the access token debugger and check that
 * whatsapp_business_management and whatsapp_business_messaging are selected, and
 * 「如果權杖無法存取權限,則需要產生新權杖。」 (if the token lacks them, generate a new one) for the Meta app the
 * calls use, with both. With `debug_token` evidence this names exactly what is wrong: invalid, expired
 * (when), or which permission is missing. It leads when the call failed with an auth code (or when the
 * token is all there is to judge), and stays a side note otherwise.
 */
export const tokenDebugRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const token = evidence.tokenDebug;
    if (!token) return [];
    const codes = allErrorCodes(evidence);
    const authCode = codes.find(isAuthErrorCode);
    const leads = authCode !== undefined || (!evidence.message && !evidence.sendError);
    return [assess(token, evidence.now, leads ? Strength.TOKEN_PROBLEM : Strength.TOKEN_SIDE, authCode)];
  },
};

function assess(token: TokenDebugEvidence, now: number, strength: number, code: number | undefined): Finding {
  const missing = missingPermissions(token.scopes);
  const expiresAt = token.expiresAt ?? 0;
  const expired = expiresAt > 0 && expiresAt <= now;
  const facts: Fact[] = [];
  if (!token.isValid) facts.push({ id: 'fact.token.invalid' });
  if (token.error) {
    facts.push({
      id: 'fact.token.error',
      params: {
        code: token.error.code,
        subcode: token.error.subcode ?? { text: 'text.none' },
        message: token.error.message ?? { text: 'text.none' },
      },
    });
    facts.push(...subcodeFacts(token.error.subcode));
  }
  if (expiresAt === 0) facts.push({ id: 'fact.token.neverExpires' });
  else
    facts.push({
      id: expired ? 'fact.token.expired' : 'fact.token.expires',
      params: { expiresAt: formatInstant(expiresAt) },
    });
  for (const permission of missing) facts.push({ id: 'fact.token.missing', params: { permission } });
  if (missing.length === 0) facts.push({ id: 'fact.token.hasAll' });
  if (token.appId !== undefined) facts.push({ id: 'fact.token.app', params: { appId: token.appId } });

  const base = {
    rule: NAME,
    facts,
    retryable: false,
    retryAfterSeconds: null,
    ...(code !== undefined ? { code } : {}),
  };
  if (!token.isValid || expired) {
    return { ...base, cause: DiagnosisCause.ACCESS_TOKEN, verdict: Verdict.FAILED, strength };
  }
  if (missing.length > 0) {
    return { ...base, cause: DiagnosisCause.PERMISSION_MISSING, verdict: Verdict.FAILED, strength };
  }
  if (expiresAt > 0 && expiresAt - now < TOKEN_EXPIRY_WARNING_MS) {
    return {
      ...base,
      cause: DiagnosisCause.ACCESS_TOKEN,
      verdict: Verdict.AT_RISK,
      strength,
      params: { expiresAt: formatInstant(expiresAt) },
      headline: { title: 'headline.tokenExpiring.title', explanation: 'headline.tokenExpiring.explanation' },
    };
  }
  // A sound token next to an auth error means the token inspected is not the one the call used, or
  // its scopes do not cover this account: say so through the facts, but let the error code lead.
  return {
    ...base,
    cause: DiagnosisCause.NONE,
    verdict: Verdict.OK,
    strength: Strength.BACKGROUND,
    headline: { title: 'headline.tokenOk.title', explanation: 'headline.tokenOk.explanation' },
  };
}
