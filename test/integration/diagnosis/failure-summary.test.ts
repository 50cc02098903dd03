import { randomBytes } from 'node:crypto';
import { postWebhookBytes } from '../../support/webhook-client';
import {
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
} from '../../../src/simulator';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { scenario } from './diagnosis-queries';

const APP_SECRET = 'diagnosis-summary-secret-0c4a';
const LIMITED_SENDER = '106540352240001';

const SUMMARY = /* GraphQL */ `
  query ($since: DateTime, $phoneNumberId: ID, $first: Int!) {
    failureSummary(since: $since, phoneNumberId: $phoneNumberId) {
      cause
      count
      messages(first: $first) {
        id
        status
        recipient
        phoneNumberId
      }
    }
  }
`;

interface Bucket {
  cause: string;
  count: number;
  messages: Array<{ id: string; status: string; recipient: string; phoneNumberId: string }>;
}

describe('failureSummary counts failed and stuck messages by cause', () => {
  let gateway: TestGateway;
  const sent = new Map<string, string[]>();
  let startedAt: Date;
  let stuckId: string;

  const send = async (to: string, phoneNumberId?: string): Promise<string> => {
    const { body } = await gateway.graphql<{ sendMessage: { message: { id: string } | null } }>(
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }',
      { input: { to, text: { body: 'Hello' }, ...(phoneNumberId && { phoneNumberId }) } },
    );
    expect(body.errors).toBeUndefined();
    const id = body.data!.sendMessage.message!.id;
    sent.set(to, [...(sent.get(to) ?? []), id]);
    return id;
  };

  const summary = async (variables: Record<string, unknown> = {}): Promise<Bucket[]> => {
    const { body } = await gateway.graphql<{ failureSummary: Bucket[] }>(SUMMARY, {
      first: 10,
      ...variables,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.failureSummary;
  };

  beforeAll(async () => {
    gateway = await startTestGateway({ WHATSAPP_APP_SECRET: APP_SECRET });
    startedAt = new Date(Date.now() - 1000);
    for (const lastTwo of [30, 30, 30, 31, 35, 37, 36, 38, 0]) await send(scenario(lastTwo));
    await send(scenario(31), LIMITED_SENDER);
    // Refused before the API: never stored, never counted.
    await gateway.graphql(
      'mutation { sendMessage(input: { to: "+5352345678", text: { body: "x" } }) { error { code } } }',
    );
    await gateway.simulator!.flushWebhooks();

    // A message sent two days ago and never delivered since: stuck. Only its webhook is known.
    stuckId = `wamid.${randomBytes(12).toString('hex')}`;
    const body = serializeMetaJson(
      buildStatusWebhook({
        phoneNumberId: gateway.simulator!.phoneNumberId,
        statuses: [
          buildWireStatus({
            messageId: stuckId,
            status: 'sent',
            recipientId: '12025550160',
            timestamp: Math.floor(Date.now() / 1000) - 2 * 24 * 3600,
          }),
        ],
      }),
    );
    expect(
      (
        await postWebhookBytes(gateway.url, body, {
          'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => gateway.close());

  it('for the configured sender: one bucket per cause, largest first, healthy and recently sent messages left out', async () => {
    const buckets = await summary({ phoneNumberId: gateway.simulator!.phoneNumberId });
    const counts = Object.fromEntries(buckets.map((bucket) => [bucket.cause, bucket.count]));
    expect(counts).toEqual({
      RECIPIENT_UNREACHABLE: 3,
      MARKETING_LIMIT: 1,
      MEDIA: 1,
      MULTI_DEVICE_CONFLICT: 1,
      RECIPIENT_OFFLINE: 1,
    });
    expect(buckets[0]!.cause).toBe('RECIPIENT_UNREACHABLE');
    const sizes = buckets.map((bucket) => bucket.count);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('each bucket lists its messages; messages(first) limits them', async () => {
    const buckets = await summary({ phoneNumberId: gateway.simulator!.phoneNumberId });
    const byCause = new Map(buckets.map((bucket) => [bucket.cause, bucket]));
    const unreachable = byCause.get('RECIPIENT_UNREACHABLE')!;
    expect(unreachable.messages.map((m) => m.id).sort()).toEqual([...sent.get(scenario(30))!].sort());
    expect(unreachable.messages.every((m) => m.status === 'FAILED' && m.recipient === scenario(30))).toBe(
      true,
    );
    expect(byCause.get('MULTI_DEVICE_CONFLICT')!.messages).toEqual([
      expect.objectContaining({ id: sent.get(scenario(37))![0], status: 'DELIVERED' }),
    ]);
    // Sent two days ago, never delivered: stuck, filed under the offline customer.
    expect(byCause.get('RECIPIENT_OFFLINE')!.messages.map((m) => m.id)).toEqual([stuckId]);
    // The offline customer of scenario 36 was written to a moment ago: not stuck yet.
    expect(JSON.stringify(buckets)).not.toContain(sent.get(scenario(36))![0]);

    const limited = await summary({ phoneNumberId: gateway.simulator!.phoneNumberId, first: 1 });
    const first = limited.find((bucket) => bucket.cause === 'RECIPIENT_UNREACHABLE')!;
    expect(first.count).toBe(3);
    expect(first.messages).toHaveLength(1);
  });

  it('filters by business number', async () => {
    const buckets = await summary({ phoneNumberId: LIMITED_SENDER });
    expect(buckets).toEqual([
      {
        cause: 'MARKETING_LIMIT',
        count: 1,
        messages: [
          expect.objectContaining({ id: sent.get(scenario(31))![1], phoneNumberId: LIMITED_SENDER }),
        ],
      },
    ]);
    const all = await summary();
    expect(all.find((bucket) => bucket.cause === 'MARKETING_LIMIT')!.count).toBe(2);
  });

  it('filters by time: since now leaves out everything sent before', async () => {
    expect(await summary({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    const sinceStart = await summary({ since: startedAt.toISOString() });
    // The stuck message is two days old: outside `since`.
    expect(sinceStart.find((bucket) => bucket.cause === 'RECIPIENT_OFFLINE')).toBeUndefined();
    expect(sinceStart.find((bucket) => bucket.cause === 'RECIPIENT_UNREACHABLE')!.count).toBe(3);
  });

  it('refuses messages(first) outside 1 to 100', async () => {
    const { body } = await gateway.graphql(SUMMARY, { first: 0 });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
