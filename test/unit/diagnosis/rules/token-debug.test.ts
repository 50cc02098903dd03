import { DiagnosisCause as C, type Evidence, isAuthErrorCode, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { tokenDebugRule } from '../../../../src/diagnosis/rules';
import {
  DAY,
  expectRuleFindings,
  factIds,
  failedMessage,
  NOW,
  onlyFinding,
  rejectedSend,
  tokenDebug,
} from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, on authentication and authorization errors:
 * 「當您用於 API 呼叫的存取權杖發生問題時,系統將傳回這些錯誤。」 (these errors come back when the access token of
 * the call has a problem). Check in the access token debugger that whatsapp_business_management and
 * whatsapp_business_messaging are selected; 「如果權杖無法存取權限,則需要產生新權杖。」 (if the token lacks them,
 * generate a new one).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(tokenDebugRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(tokenDebugRule, evidence);
const WARNING_MS = 7 * DAY;

describe('token-debug rule', () => {
  it('finds a valid, never-expiring token with both permissions fine, as a background fact', () => {
    expectFindings({ tokenDebug: tokenDebug() }).toEqual([
      {
        rule: 'token-debug',
        cause: C.NONE,
        verdict: V.OK,
        strength: Strength.BACKGROUND,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.token.neverExpires' }, { id: 'fact.token.hasAll' }],
        headline: { title: 'headline.tokenOk.title', explanation: 'headline.tokenOk.explanation' },
      },
    ]);
  });

  it('names exactly the permission that is missing', () => {
    const lacking = finding({ tokenDebug: tokenDebug({ scopes: ['whatsapp_business_management'] }) });
    expect(lacking).toMatchObject({ cause: C.PERMISSION_MISSING, verdict: V.FAILED });
    expect(lacking.facts).toContainEqual({
      id: 'fact.token.missing',
      params: { permission: 'whatsapp_business_messaging' },
    });
    expect(factIds(lacking)).not.toContain('fact.token.hasAll');
    expect(
      factIds(finding({ tokenDebug: tokenDebug({ scopes: [] }) })).filter(
        (id) => id === 'fact.token.missing',
      ),
    ).toHaveLength(2);
  });

  it('reports an invalid token with the debugger’s error and what its subcode means', () => {
    const invalid = finding({
      tokenDebug: tokenDebug({
        isValid: false,
        error: { code: 190, subcode: 460, message: 'password changed' },
        appId: '1234567890',
      }),
    });
    expect(invalid).toMatchObject({ cause: C.ACCESS_TOKEN, verdict: V.FAILED });
    expect(invalid.facts).toEqual([
      { id: 'fact.token.invalid' },
      { id: 'fact.token.error', params: { code: 190, subcode: 460, message: 'password changed' } },
      { id: 'fact.subcode.460' },
      { id: 'fact.token.neverExpires' },
      { id: 'fact.token.hasAll' },
      { id: 'fact.token.app', params: { appId: '1234567890' } },
    ]);
  });

  it('counts a token as expired from its expiry instant on', () => {
    const atExpiry = finding({ tokenDebug: tokenDebug({ expiresAt: NOW }) });
    expect(atExpiry).toMatchObject({ cause: C.ACCESS_TOKEN, verdict: V.FAILED });
    expect(atExpiry.facts).toContainEqual({
      id: 'fact.token.expired',
      params: { expiresAt: '2025-03-01 00:00 UTC' },
    });
    const justBefore = finding({ tokenDebug: tokenDebug({ expiresAt: NOW + 1 }) });
    expect(justBefore).toMatchObject({ cause: C.ACCESS_TOKEN, verdict: V.AT_RISK });
    expect(factIds(justBefore)).toContain('fact.token.expires');
  });

  it('warns about a token that expires within seven days, and not from seven days on', () => {
    expect(finding({ tokenDebug: tokenDebug({ expiresAt: NOW + WARNING_MS - 1 }) })).toMatchObject({
      verdict: V.AT_RISK,
      params: { expiresAt: '2025-03-07 23:59 UTC' },
      headline: { title: 'headline.tokenExpiring.title' },
    });
    expect(finding({ tokenDebug: tokenDebug({ expiresAt: NOW + WARNING_MS }) })).toMatchObject({
      cause: C.NONE,
      verdict: V.OK,
    });
  });

  it('reads a null expiry as never expiring', () => {
    expect(factIds(finding({ tokenDebug: tokenDebug({ expiresAt: null }) }))).toContain(
      'fact.token.neverExpires',
    );
  });

  it('leads when the call failed with an auth code, and carries that code', () => {
    const expired = tokenDebug({ expiresAt: NOW - DAY });
    expect(finding({ tokenDebug: expired, sendError: rejectedSend(190) })).toMatchObject({
      strength: Strength.TOKEN_PROBLEM,
      code: 190,
    });
    expect(finding({ tokenDebug: expired, message: failedMessage([{ code: 10 }]) })).toMatchObject({
      strength: Strength.TOKEN_PROBLEM,
      code: 10,
    });
  });

  it('leads when the token is all there is to judge, and is a side note next to another problem', () => {
    const expired = tokenDebug({ expiresAt: NOW - DAY });
    expect(finding({ tokenDebug: expired }).strength).toBe(Strength.TOKEN_PROBLEM);
    const beside = finding({ tokenDebug: expired, sendError: rejectedSend(131026) });
    expect(beside.strength).toBe(Strength.TOKEN_SIDE);
    expect(beside.code).toBeUndefined();
    expect(Strength.TOKEN_SIDE).toBeLessThan(Strength.ERROR_CODE);
  });

  it('finds nothing without a debug_token answer', () => {
    expectFindings({ sendError: rejectedSend(190) }).toEqual([]);
  });
});

describe('isAuthErrorCode', () => {
  it.each([0, 3, 10, 190, 200, 250, 299, 131005])('%i is an auth code the token can explain', (code) => {
    expect(isAuthErrorCode(code)).toBe(true);
  });

  it.each([1, 300, 131026, 999999])('%i is not', (code) => {
    expect(isAuthErrorCode(code)).toBe(false);
  });
});
