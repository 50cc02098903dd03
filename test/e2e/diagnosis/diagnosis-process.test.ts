import { request } from 'undici';
import { postWebhookBytes } from '../../support/webhook-client';
import { buildInboundMessageWebhook, serializeMetaJson, signWebhookBody } from '../../../src/simulator';
import {
  allText,
  type BilingualDiagnosis,
  DIAGNOSIS_FRAGMENT,
  expectBilingual,
  MESSAGE,
  type MessageResult,
  scenario,
  SEND,
  type SendResult,
} from '../../integration/diagnosis/diagnosis-queries';
import { RedisProcess } from '../../support/redis-process';
import { waitFor } from '../../support/gateway-harness';
import { startGatewayProcess, type GatewayProcess } from '../../support/gateway-process';

const APP_SECRET = 'diagnosis-e2e-secret-93b2';
const TOS = 'https://wa.me/tos/20210210';

interface GraphqlBody<T> {
  data?: T;
  errors?: unknown[];
}

/**
 * The built gateway (`dist/main.js`, run `npm run build` first) with Redis as its store, its embedded
 * simulator posting webhooks on its own: the diagnosis as an operator meets it.
 */
describe('diagnosis in the built gateway process, with Redis', () => {
  let redis: RedisProcess;
  let gateway: GatewayProcess;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    gateway = await startGatewayProcess({ REDIS_URL: redis.url, WHATSAPP_APP_SECRET: APP_SECRET });
  });
  afterAll(async () => {
    await gateway?.stop();
    await redis?.remove();
  });

  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.body.json()) as GraphqlBody<T>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  const send = async (to: string): Promise<SendResult['sendMessage']> =>
    (await graphql<SendResult>(SEND, { input: { to, text: { body: 'Hello' } } })).sendMessage;

  /** Sends, then waits until the simulator's webhooks have brought the message to `status`. */
  const sendAndWait = async (to: string, status: string): Promise<NonNullable<MessageResult['message']>> => {
    const { message } = await send(to);
    return waitFor(async () => {
      const read = (await graphql<MessageResult>(MESSAGE, { id: message!.id })).message;
      return read !== null && read.status === status && read.statusHistory.length >= 2 ? read : undefined;
    }, 10_000);
  };

  it('30 undeliverable → RECIPIENT_UNREACHABLE with the ToS link, in EN and ZH_TW', async () => {
    const message = await sendAndWait(scenario(30), 'FAILED');
    expectBilingual(message, { verdict: 'FAILED', cause: 'RECIPIENT_UNREACHABLE', code: 131026 });
    expect(message.en.possibleCauses.join('\n')).toContain(TOS);
    expect(message.zh.possibleCauses.join('\n')).toContain(TOS);
  });

  it('37 several devices → AT_RISK MULTI_DEVICE_CONFLICT, the message counted as delivered', async () => {
    const message = await sendAndWait(scenario(37), 'DELIVERED');
    await waitFor(async () => {
      const read = (await graphql<MessageResult>(MESSAGE, { id: message.id })).message!;
      return read.conflict ? read : undefined;
    }, 10_000);
    const read = (await graphql<MessageResult>(MESSAGE, { id: message.id })).message!;
    expectBilingual(read, { verdict: 'AT_RISK', cause: 'MULTI_DEVICE_CONFLICT' });
  });

  it('34 code 2 → SERVICE_DOWNTIME, retry after 300 s', async () => {
    const message = await sendAndWait(scenario(34), 'FAILED');
    expectBilingual(message, { cause: 'SERVICE_DOWNTIME', retryable: true, retryAfterSeconds: 300 });
  });

  it('a 131047 at send time names when the customer last wrote (kept in Redis)', async () => {
    const wroteAt = Math.floor(Date.now() / 1000) - 30 * 3600;
    const body = serializeMetaJson(
      buildInboundMessageWebhook({ from: scenario(15), content: 'Where is my parcel?', timestamp: wroteAt }),
    );
    expect(
      (
        await postWebhookBytes(gateway.url, body, {
          'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        })
      ).status,
    ).toBe(200);

    const { error } = await send(scenario(15));
    expectBilingual(error!, { cause: 'REENGAGEMENT_WINDOW', code: 131047 });
    const shown = `${new Date(wroteAt * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(error!.en.evidence.join('\n')).toContain(`The customer last wrote at ${shown}`);
    expect(error!.zh.evidence.join('\n')).toContain(shown);
  });

  it('a sanctioned recipient is refused before the API with SANCTIONED_REGION', async () => {
    const { message, error } = await send('+963944567890');
    expect(message).toBeNull();
    expectBilingual(error!, { verdict: 'FAILED', cause: 'SANCTIONED_REGION' });
    expect(allText(error!.en)).toContain('Syria');
    expect(allText(error!.zh)).toContain('敘利亞');
  });

  it('failureSummary counts what failed above by cause', async () => {
    const { failureSummary } = await graphql<{
      failureSummary: Array<{ cause: string; count: number; messages: Array<{ id: string }> }>;
    }>('{ failureSummary { cause count messages(first: 5) { id } } }');
    const counts = Object.fromEntries(failureSummary.map((bucket) => [bucket.cause, bucket.count]));
    expect(counts).toEqual({ RECIPIENT_UNREACHABLE: 1, MULTI_DEVICE_CONFLICT: 1, SERVICE_DOWNTIME: 1 });
    for (const bucket of failureSummary) expect(bucket.messages).toHaveLength(bucket.count);
  });

  it('explainError of an unknown code → UNKNOWN with the raw code', async () => {
    const result = await graphql<BilingualDiagnosis>(`
      {
        en: explainError(code: 999999) {
          ...D
        }
        zh: explainError(code: 999999, locale: ZH_TW) {
          ...D
        }
      }
      ${DIAGNOSIS_FRAGMENT}
    `);
    expectBilingual(result, { cause: 'UNKNOWN', code: 999999 });
    expect(result.zh.title).toContain('999999');
  });
});
