import { randomBytes } from 'node:crypto';
import { postWebhookBytes } from '../../support/webhook-client';
import {
  buildInboundMessageWebhook,
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
} from '../../../src/simulator';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { MESSAGE, type MessageResult, scenario, SEND, type SendResult } from './diagnosis-queries';
import { RedisProcess } from '../../support/redis-process';

const APP_SECRET = 'diagnosis-window-secret-5f1e';
const HOUR_SECONDS = 3600;

/** The way the diagnosis prints an instant (minutes, UTC), computed here independently. */
const shown = (epochSeconds: number): string =>
  `${new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe.each([
  ['the in-process store', false],
  ['Redis', true],
])('a 131047 names when the customer last wrote (%s)', (_, withRedis) => {
  let redis: RedisProcess | null = null;
  let gateway: TestGateway;
  beforeAll(async () => {
    redis = withRedis ? await RedisProcess.start() : null;
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      ...(redis && { REDIS_URL: redis.url }),
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.remove();
  });

  const postWebhook = async (payload: Parameters<typeof serializeMetaJson>[0]): Promise<void> => {
    const body = serializeMetaJson(payload);
    expect(
      (
        await postWebhookBytes(gateway.url, body, {
          'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        })
      ).status,
    ).toBe(200);
  };

  /** The customer writes to the business number at `timestamp` (Unix seconds). */
  const customerWrites = (from: string, timestamp: number): Promise<void> =>
    postWebhook(
      buildInboundMessageWebhook({
        from,
        content: 'Hello, is my order on its way?',
        timestamp,
        phoneNumberId: gateway.simulator!.phoneNumberId,
      }),
    );

  const send = async (to: string): Promise<SendResult['sendMessage']> => {
    const { body } = await gateway.graphql<SendResult>(SEND, { input: { to, text: { body: 'Hi' } } });
    expect(body.errors).toBeUndefined();
    return body.data!.sendMessage;
  };

  const readMessage = async (id: string): Promise<NonNullable<MessageResult['message']>> => {
    const { body } = await gateway.graphql<MessageResult>(MESSAGE, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.message!;
  };

  it('on a failed status (scenario 33): the last inbound time and when the 24-hour window closed', async () => {
    const wroteAt = nowSeconds() - 30 * HOUR_SECONDS;
    await customerWrites(scenario(33), wroteAt);

    const { message } = await send(scenario(33));
    await gateway.simulator!.flushWebhooks();
    const read = await readMessage(message!.id);

    expect(read.status).toBe('FAILED');
    expect(read.en).toMatchObject({ cause: 'REENGAGEMENT_WINDOW', code: 131047 });
    expect(read.zh).toMatchObject({ cause: 'REENGAGEMENT_WINDOW', code: 131047 });
    const closedAt = wroteAt + 24 * HOUR_SECONDS;
    expect(read.en.evidence).toContain(
      `The customer last wrote at ${shown(wroteAt)}; the 24-hour window closed at ${shown(closedAt)}.`,
    );
    const zh = read.zh.evidence.join('\n');
    expect(zh).toContain(shown(wroteAt));
    expect(zh).toContain(`已於 ${shown(closedAt)} 結束`);
  });

  it('at send time (scenario 15): none known, then the window that closed once the customer wrote', async () => {
    const before = await send(scenario(15));
    expect(before.error!.en.cause).toBe('REENGAGEMENT_WINDOW');
    expect(before.error!.en.evidence.join('\n')).toContain('no window was ever opened');
    expect(before.error!.zh.evidence.join('\n')).toContain('服務時段從未開啟');

    const wroteAt = nowSeconds() - 26 * HOUR_SECONDS;
    await customerWrites(scenario(15), wroteAt);
    const after = await send(scenario(15));
    expect(after.error!.en).toMatchObject({ cause: 'REENGAGEMENT_WINDOW', code: 131047 });
    expect(after.error!.en.evidence).toContain(
      `The customer last wrote at ${shown(wroteAt)}; the 24-hour window closed at ${shown(wroteAt + 24 * HOUR_SECONDS)}.`,
    );
    expect(after.error!.zh.evidence.join('\n')).toContain(shown(wroteAt));
  });

  it('only counts what the customer wrote to this business number', async () => {
    const to = scenario(33);
    // A message from the same customer to another business number says nothing about this one's window.
    await postWebhook(
      buildInboundMessageWebhook({
        from: '12025550133',
        content: 'Hi other business',
        timestamp: nowSeconds() - HOUR_SECONDS,
        phoneNumberId: '106540352240001',
      }),
    );
    const { message } = await send(to);
    await gateway.simulator!.flushWebhooks();
    const read = await readMessage(message!.id);
    expect(read.en.evidence.join('\n')).toMatch(/the 24-hour window closed at/);
    expect(read.en.evidence.join('\n')).not.toMatch(/window is open/);
  });

  it('scenario 39 (the customer writes first): a later 131047 for that customer names that message', async () => {
    const from = nowSeconds();
    const { message } = await send(scenario(39));
    expect(message).not.toBeNull();
    await gateway.simulator!.flushWebhooks();
    const until = nowSeconds();

    // A failure for another message to the same customer, first heard of through its webhook.
    const messageId = `wamid.${randomBytes(12).toString('hex')}`;
    await postWebhook(
      buildStatusWebhook({
        phoneNumberId: gateway.simulator!.phoneNumberId,
        statuses: [
          buildWireStatus({ messageId, status: 'failed', recipientId: '12025550139', errorCode: 131047 }),
        ],
      }),
    );
    const read = await readMessage(messageId);
    expect(read.en).toMatchObject({ cause: 'REENGAGEMENT_WINDOW', code: 131047 });
    const line = read.en.evidence.find((text) => text.startsWith('The customer last wrote at '));
    expect(line).toBeDefined();
    const [, wrote] = /last wrote at (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(line!) ?? [];
    const wroteMs = Date.parse(`${wrote!.replace(' ', 'T')}:00Z`);
    // Printed to the minute: within the minute of the send and the flush.
    expect(wroteMs).toBeGreaterThanOrEqual(Math.floor(from / 60) * 60_000);
    expect(wroteMs).toBeLessThanOrEqual(until * 1000);
    expect(line).toContain('window is open until');
  });
});
