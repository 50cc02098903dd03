import { useTestGateway } from '../../support/use-test-gateway';
import { errorCatalog } from '../../../src/diagnosis';
import {
  allText,
  type BilingualDiagnosis,
  DIAGNOSIS_FRAGMENT,
  type DiagnosisResult,
  expectBilingual,
} from './diagnosis-queries';

const TOKEN = /* GraphQL */ `
  query ($token: String) {
    debugToken(token: $token) {
      isValid
      missingPermissions
      en: diagnosis(locale: EN) {
        ...D
      }
      zh: diagnosis(locale: ZH_TW) {
        ...D
      }
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

const PHONE = /* GraphQL */ `
  query ($id: ID) {
    phoneNumber(id: $id) {
      health {
        canSendMessage
      }
      en: diagnosis(locale: EN) {
        ...D
      }
      zh: diagnosis(locale: ZH_TW) {
        ...D
      }
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

const EXPLAIN = /* GraphQL */ `
  query ($code: Int!, $subcode: Int) {
    en: explainError(code: $code, subcode: $subcode, locale: EN) {
      ...D
    }
    zh: explainError(code: $code, subcode: $subcode, locale: ZH_TW) {
      ...D
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

const CATALOG = /* GraphQL */ `
  query ($locale: Locale!) {
    errorCatalog(locale: $locale) {
      code
      title
      cause
      retryable
      description
      solution
    }
  }
`;

interface CatalogEntry {
  code: number;
  title: string;
  cause: string;
  retryable: boolean;
  description: string;
  solution: string;
}

const MESSAGING = 'whatsapp_business_messaging';
const MANAGEMENT = 'whatsapp_business_management';

describe('token, phone number and error-code diagnoses through the gateway', () => {
  const gateway = useTestGateway();
  const query = async <T>(document: string, variables: Record<string, unknown>): Promise<T> => {
    const { body } = await gateway.graphql<T>(document, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  describe('debugToken { missingPermissions diagnosis }', () => {
    type TokenResult = {
      debugToken: { isValid: boolean; missingPermissions: string[] } & BilingualDiagnosis;
    };

    it('a token without messaging permission: PERMISSION_MISSING naming exactly that permission', async () => {
      const { debugToken } = await query<TokenResult>(TOKEN, { token: 'SIM_TOKEN_MISSING_MESSAGING' });
      expect(debugToken.missingPermissions).toEqual([MESSAGING]);
      expectBilingual(debugToken, { cause: 'PERMISSION_MISSING', verdict: 'FAILED' });
      for (const diagnosis of [debugToken.en, debugToken.zh]) {
        // Named where the reader acts on it, not only in the evidence.
        expect([diagnosis.explanation, ...diagnosis.solutions].join('\n')).toContain(MESSAGING);
        // The token has the other one; it is not said to be missing.
        expect(diagnosis.evidence.join('\n')).not.toMatch(new RegExp(`(lacks|缺少) ${MANAGEMENT}`));
      }
      expect(debugToken.en.evidence.join('\n')).toContain(`lacks the permission ${MESSAGING}`);
      expect(debugToken.zh.evidence.join('\n')).toContain(`缺少 ${MESSAGING} 權限`);
      // The seed's fix: a new token for the right app, with both permissions.
      expect(debugToken.en.solutions.join('\n')).toContain(MANAGEMENT);
      expect(debugToken.en.links.map((link) => link.url).join('\n')).toMatch(/debug/i);
    });

    it('an expired token: ACCESS_TOKEN, saying it expired', async () => {
      const { debugToken } = await query<TokenResult>(TOKEN, { token: 'SIM_TOKEN_EXPIRED' });
      expect(debugToken.isValid).toBe(false);
      expectBilingual(debugToken, { cause: 'ACCESS_TOKEN', verdict: 'FAILED' });
      expect(debugToken.en.evidence.join('\n')).toMatch(/expired/);
      expect(debugToken.en.evidence.join('\n')).toContain('463');
      expect(debugToken.zh.evidence.join('\n')).toMatch(/過期/);
    });

    it('an invalid token: ACCESS_TOKEN with subcode 467', async () => {
      const { debugToken } = await query<TokenResult>(TOKEN, { token: 'SIM_TOKEN_INVALID' });
      expectBilingual(debugToken, { cause: 'ACCESS_TOKEN', verdict: 'FAILED' });
      expect(debugToken.en.evidence.join('\n')).toContain('467');
    });

    it("the gateway's own token: OK, nothing missing", async () => {
      const { debugToken } = await query<TokenResult>(TOKEN, {});
      expect(debugToken.missingPermissions).toEqual([]);
      expectBilingual(debugToken, { cause: 'NONE', verdict: 'OK' });
    });
  });

  describe('PhoneNumber.diagnosis', () => {
    type PhoneResult = { phoneNumber: { health: { canSendMessage: string } } & BilingualDiagnosis };

    it('LIMITED (the WABA lacks a payment method, 141006): AT_RISK ACCOUNT_RESTRICTED with Meta’s solution', async () => {
      const { phoneNumber } = await query<PhoneResult>(PHONE, { id: '106540352240001' });
      expect(phoneNumber.health.canSendMessage).toBe('LIMITED');
      expectBilingual(phoneNumber, { verdict: 'AT_RISK', cause: 'ACCOUNT_RESTRICTED' });
      expect(allText(phoneNumber.en)).toContain('141006');
      expect(allText(phoneNumber.en)).toMatch(/payment method/);
      expect(allText(phoneNumber.zh)).toMatch(/付款方式/);
    });

    it('BLOCKED (the number is not registered, 133010): FAILED', async () => {
      const { phoneNumber } = await query<PhoneResult>(PHONE, { id: '106540352240002' });
      expect(phoneNumber.health.canSendMessage).toBe('BLOCKED');
      expectBilingual(phoneNumber, { verdict: 'FAILED' });
      expect(allText(phoneNumber.en)).toContain('133010');
    });

    it('the configured sender: OK', async () => {
      const { phoneNumber } = await query<PhoneResult>(PHONE, {});
      expectBilingual(phoneNumber, { verdict: 'OK', cause: 'NONE' });
    });
  });

  describe('explainError', () => {
    it.each([
      [131026, null, 'RECIPIENT_UNREACHABLE', false],
      [131049, null, 'MARKETING_LIMIT', false],
      [130472, null, 'EXPERIMENT_GROUP', false],
      [130497, null, 'SANCTIONED_REGION', false],
      [2, null, 'SERVICE_DOWNTIME', true],
      [190, 463, 'ACCESS_TOKEN', false],
      [10, null, 'PERMISSION_MISSING', false],
      [131047, null, 'REENGAGEMENT_WINDOW', false],
      [131053, null, 'MEDIA', false],
      [250, null, 'PERMISSION_MISSING', false],
    ])('%i (subcode %s) → %s', async (code, subcode, cause, retryable) => {
      const result = await query<BilingualDiagnosis>(EXPLAIN, { code, subcode });
      expectBilingual(result, { cause, code, retryable });
      expect(result.en.solutions.length).toBeGreaterThan(0);
    });

    it('code 2 → retry after 300 s (the 5-minute maintenance window)', async () => {
      const result = await query<BilingualDiagnosis>(EXPLAIN, { code: 2 });
      expect(result.en.retryAfterSeconds).toBe(300);
    });

    it('190 with subcode 463 explains the subcode', async () => {
      const result = await query<BilingualDiagnosis>(EXPLAIN, { code: 190, subcode: 463 });
      expect(allText(result.en)).toMatch(/463.*expired/);
    });

    it('an unknown code (999999) → UNKNOWN with the raw code and the error-code reference, never an error', async () => {
      const result = await query<BilingualDiagnosis>(EXPLAIN, { code: 999999 });
      expectBilingual(result, { verdict: 'FAILED', cause: 'UNKNOWN', code: 999999, retryable: false });
      for (const diagnosis of [result.en, result.zh] as DiagnosisResult[]) {
        expect(diagnosis.title).toContain('999999');
        expect(diagnosis.links.map((link) => link.url)).toContain(
          'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes',
        );
      }
    });
  });

  describe('errorCatalog', () => {
    it('lists every catalogued code in both locales, each described and with a fix, translated', async () => {
      const { errorCatalog: en } = await query<{ errorCatalog: CatalogEntry[] }>(CATALOG, { locale: 'EN' });
      const { errorCatalog: zh } = await query<{ errorCatalog: CatalogEntry[] }>(CATALOG, {
        locale: 'ZH_TW',
      });
      const known = errorCatalog().map((info) => info.code);
      expect(zh.map((entry) => entry.code)).toEqual(known);
      expect(en.map((entry) => entry.code)).toEqual(known);
      // The seed's codes and the reference's families are there.
      expect(known).toEqual(
        expect.arrayContaining([
          0, 1, 2, 3, 4, 10, 33, 100, 190, 200, 368, 80007, 130429, 130472, 130497, 131000, 131005, 131008,
          131009, 131016, 131021, 131026, 131031, 131037, 131042, 131045, 131047, 131048, 131049, 131052,
          131053, 131056, 132001, 133004, 133010,
          // Added since the first catalogue, with Meta's newer codes.
          80008, 131044, 131062, 131063, 131064, 132018, 134100, 134101, 134102, 137000, 139200, 2388318,
          2388330,
        ]),
      );
      zh.forEach((entry, index) => {
        const english = en[index]!;
        expect({ code: entry.code, cause: entry.cause, retryable: entry.retryable }).toEqual({
          code: english.code,
          cause: english.cause,
          retryable: english.retryable,
        });
        expect(entry.description).toMatch(/\p{Script=Han}/u);
        expect(entry.solution).toMatch(/\p{Script=Han}/u);
        expect(english.description.trim()).not.toBe('');
        expect(english.solution.trim()).not.toBe('');
        expect(english.description).not.toMatch(/\p{Script=Han}/u);
      });
    });
  });
});
