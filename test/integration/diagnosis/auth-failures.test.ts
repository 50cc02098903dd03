import { createSilentLogger } from '../../../src/observability';
import { type RunningSimulator, startSimulator } from '../../../src/simulator';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { type BilingualDiagnosis, DIAGNOSIS_FRAGMENT, expectBilingual, scenario } from './diagnosis-queries';

const APP_SECRET = 'diagnosis-auth-secret-2d8e';
const SENDER_KEY = 'diag-sender-key-000001';
const ADMIN_KEY = 'diag-admin-key-0000001';
const MESSAGING = 'whatsapp_business_messaging';
const MANAGEMENT = 'whatsapp_business_management';

const SEND = /* GraphQL */ `
  mutation ($to: String!, $check: Boolean!) {
    sendMessage(input: { to: $to, text: { body: "Hello" } }) {
      message {
        id
      }
      error {
        code
        subcode
        en: diagnosis(locale: EN, withTokenCheck: $check) {
          ...D
        }
        zh: diagnosis(locale: ZH_TW, withTokenCheck: $check) {
          ...D
        }
      }
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

interface SendResult {
  sendMessage: {
    message: { id: string } | null;
    error: ({ code: number; subcode: number | null } & BilingualDiagnosis) | null;
  };
}

/** A gateway in real mode, sending with `token` to a simulator of its own (the token decides the answers). */
async function gatewayWithToken(
  simulator: RunningSimulator,
  token: string,
  extra: Record<string, string> = {},
): Promise<TestGateway> {
  return startTestGateway({
    ...extra,
    WHATSAPP_ACCESS_TOKEN: token,
    GRAPH_API_BASE_URL: simulator.url,
    WHATSAPP_PHONE_NUMBER_ID: simulator.phoneNumberId,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'diag-verify-token',
    GATEWAY_API_KEYS: `${SENDER_KEY}:send+read,${ADMIN_KEY}:send+read+admin`,
  });
}

describe('send-time authentication and permission errors, with and without the token check', () => {
  let simulator: RunningSimulator;
  let missingMessaging: TestGateway;
  let expired: TestGateway;
  beforeAll(async () => {
    simulator = await startSimulator({ appSecret: APP_SECRET, logger: createSilentLogger() });
    missingMessaging = await gatewayWithToken(simulator, 'SIM_TOKEN_MISSING_MESSAGING');
    expired = await gatewayWithToken(simulator, 'SIM_TOKEN_EXPIRED');
  });
  afterAll(async () => {
    await missingMessaging?.close();
    await expired?.close();
    await simulator?.close();
  });

  const send = async (gateway: TestGateway, key: string, check: boolean) => {
    const { body } = await gateway.graphql<SendResult>(
      SEND,
      { to: scenario(0), check },
      { authorization: `Bearer ${key}` },
    );
    return body;
  };

  it('code 10 without the check: PERMISSION_MISSING naming both permissions to verify', async () => {
    const body = await send(missingMessaging, SENDER_KEY, false);
    expect(body.errors).toBeUndefined();
    const error = body.data!.sendMessage.error!;
    expect(error.code).toBe(10);
    expectBilingual(error, { verdict: 'FAILED', cause: 'PERMISSION_MISSING', code: 10 });
    const solutions = error.en.solutions.join('\n');
    expect(solutions).toContain(MESSAGING);
    expect(solutions).toContain(MANAGEMENT);
    expect(error.en.evidence.join('\n')).not.toContain(`lacks the permission ${MESSAGING}`);
    expect(simulator.stats.requests.debug_token).toBe(0);
  });

  it('code 10 with the check: names exactly the missing whatsapp_business_messaging', async () => {
    const body = await send(missingMessaging, ADMIN_KEY, true);
    expect(body.errors).toBeUndefined();
    const error = body.data!.sendMessage.error!;
    expectBilingual(error, { verdict: 'FAILED', cause: 'PERMISSION_MISSING', code: 10 });
    expect(error.en.evidence.join('\n')).toContain(`lacks the permission ${MESSAGING}`);
    expect(error.zh.evidence.join('\n')).toContain(`缺少 ${MESSAGING} 權限`);
    expect(error.en.evidence.join('\n')).not.toContain(`lacks the permission ${MANAGEMENT}`);
  });

  it('the check needs the admin scope: the token is described only to admins', async () => {
    const body = await send(missingMessaging, SENDER_KEY, true);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('code 190 (expired): ACCESS_TOKEN; the check cannot describe a dead token and the diagnosis stands without it', async () => {
    for (const check of [false, true]) {
      const body = await send(expired, ADMIN_KEY, check);
      expect(body.errors).toBeUndefined();
      const error = body.data!.sendMessage.error!;
      expect(error).toMatchObject({ code: 190, subcode: 463 });
      expectBilingual(error, { verdict: 'FAILED', cause: 'ACCESS_TOKEN', code: 190 });
      expect(error.en.evidence.join('\n')).toMatch(/463.*expired/);
    }
  });

  it('with WHATSAPP_APP_ID, debug_token asks with the app token: an expired own token is described, not refused', async () => {
    const withApp = await gatewayWithToken(simulator, 'SIM_TOKEN_EXPIRED', {
      WHATSAPP_APP_ID: '829461733215840',
    });
    try {
      const { body } = await withApp.graphql<{
        debugToken: { isValid: boolean; diagnosis: { cause: string; verdict: string } };
      }>(
        '{ debugToken { isValid diagnosis { cause verdict } } }',
        {},
        { authorization: `Bearer ${ADMIN_KEY}` },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.debugToken).toEqual({
        isValid: false,
        diagnosis: { cause: 'ACCESS_TOKEN', verdict: 'FAILED' },
      });
      expect(withApp.logs.join('\n')).not.toContain(APP_SECRET);
    } finally {
      await withApp.close();
    }
  });

  it('the check is only made for auth errors', async () => {
    const before = simulator.stats.requests.debug_token;
    const { body } = await missingMessaging.graphql<SendResult>(
      SEND,
      { to: '+5352345678', check: true },
      { authorization: `Bearer ${ADMIN_KEY}` },
    );
    expect(body.data!.sendMessage.error!.en.cause).toBe('SANCTIONED_REGION');
    expect(simulator.stats.requests.debug_token).toBe(before);
  });
});
