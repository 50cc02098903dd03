import {
  diagnoseHealth,
  diagnoseToken,
  DiagnosisCause as C,
  Locale,
  missingPermissions,
  Verdict as V,
} from '../../../src/diagnosis';
import { DAY, LOCALES, NOW } from './diagnosis-harness';

const BOTH = ['whatsapp_business_management', 'whatsapp_business_messaging'];

describe('missingPermissions', () => {
  it.each([
    [[], BOTH],
    [['whatsapp_business_management'], ['whatsapp_business_messaging']],
    [['whatsapp_business_messaging', 'business_management'], ['whatsapp_business_management']],
    [[...BOTH, 'business_management'], []],
  ])('%j → %j', (scopes, missing) => {
    expect(missingPermissions(scopes)).toEqual(missing);
  });
});

describe.each(LOCALES)('diagnoseToken in %s', (locale) => {
  it('a sound, non-expiring token → OK', () => {
    const d = diagnoseToken({ isValid: true, expiresAt: 0, scopes: BOTH }, NOW, locale);
    expect([d.verdict, d.cause, d.retryable]).toEqual([V.OK, C.NONE, false]);
  });

  it('a token missing one permission → PERMISSION_MISSING naming it', () => {
    const d = diagnoseToken(
      { isValid: true, expiresAt: null, scopes: ['whatsapp_business_messaging'] },
      NOW,
      locale,
    );
    expect([d.verdict, d.cause]).toEqual([V.FAILED, C.PERMISSION_MISSING]);
    const evidence = d.evidence.join('\n');
    expect(evidence).toContain('whatsapp_business_management');
    expect(evidence).not.toMatch(/whatsapp_business_messaging/);
  });

  it('an expired token → ACCESS_TOKEN with the expiry time; one second earlier it is only at risk', () => {
    const expiresAt = NOW - 1000;
    const d = diagnoseToken({ isValid: true, expiresAt, scopes: BOTH }, NOW, locale);
    expect([d.verdict, d.cause]).toEqual([V.FAILED, C.ACCESS_TOKEN]);
    expect(d.evidence.join('\n')).toContain('2025-02-28 23:59 UTC');
    const before = diagnoseToken({ isValid: true, expiresAt, scopes: BOTH }, expiresAt - 1, locale);
    expect([before.verdict, before.cause]).toEqual([V.AT_RISK, C.ACCESS_TOKEN]);
  });

  it('a token expiring in 30 days is fine', () => {
    const d = diagnoseToken({ isValid: true, expiresAt: NOW + 30 * DAY, scopes: BOTH }, NOW, locale);
    expect(d.verdict).toBe(V.OK);
  });

  it('an invalid token → ACCESS_TOKEN with the debugger error and subcode', () => {
    const d = diagnoseToken(
      { isValid: false, scopes: [], error: { code: 190, subcode: 460, message: 'password changed' } },
      NOW,
      locale,
    );
    expect([d.verdict, d.cause]).toEqual([V.FAILED, C.ACCESS_TOKEN]);
    expect(d.evidence.join('\n')).toContain('460');
    expect(d.links.map((l) => l.url)).toContain('https://developers.facebook.com/tools/debug/accesstoken/');
  });
});

describe.each(LOCALES)('diagnoseHealth in %s', (locale) => {
  it('AVAILABLE → OK NONE', () => {
    const d = diagnoseHealth({ canSendMessage: 'AVAILABLE', entities: [] }, locale);
    expect([d.verdict, d.cause, d.code]).toEqual([V.OK, C.NONE, null]);
  });

  it('LIMITED with 141006 → AT_RISK ACCOUNT_RESTRICTED, each entity error and solution listed', () => {
    const d = diagnoseHealth(
      {
        canSendMessage: 'LIMITED',
        entities: [
          { entityType: 'PHONE_NUMBER', id: '106540352242922', canSendMessage: 'AVAILABLE', errors: [] },
          {
            entityType: 'WABA',
            id: '102290129340398',
            canSendMessage: 'LIMITED',
            errors: [
              {
                errorCode: 141006,
                description: 'There is an error with the payment method.',
                possibleSolution: 'Add a valid payment method to the account.',
              },
            ],
          },
        ],
      },
      locale,
    );
    expect([d.verdict, d.cause, d.code]).toEqual([V.AT_RISK, C.ACCOUNT_RESTRICTED, 141006]);
    const evidence = d.evidence.join('\n');
    expect(evidence).toContain('WABA 102290129340398');
    expect(evidence).toContain('Add a valid payment method to the account.');
    expect(evidence).toContain('PHONE_NUMBER 106540352242922');
  });

  it('BLOCKED without errors → FAILED ACCOUNT_RESTRICTED; an unknown entity code → UNKNOWN', () => {
    expect(diagnoseHealth({ canSendMessage: 'BLOCKED', entities: [] }, locale)).toMatchObject({
      verdict: V.FAILED,
      cause: C.ACCOUNT_RESTRICTED,
    });
    const d = diagnoseHealth(
      {
        canSendMessage: 'BLOCKED',
        entities: [
          { entityType: 'APP', id: '9', canSendMessage: 'BLOCKED', errors: [{ errorCode: 777777 }] },
        ],
      },
      locale,
    );
    expect([d.verdict, d.cause, d.code]).toEqual([V.FAILED, C.UNKNOWN, 777777]);
  });
});

it('an unknown locale falls back to English instead of throwing', () => {
  const d = diagnoseHealth({ canSendMessage: 'AVAILABLE', entities: [] }, 'FR' as Locale);
  expect(d.title).toBe(diagnoseHealth({ canSendMessage: 'AVAILABLE', entities: [] }, Locale.EN).title);
});
