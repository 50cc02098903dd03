import { type WireStatusName } from '../../../src/simulator';
import { type TestGateway } from '../../support/gateway-harness';
import { flushDatabase, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { newWamid, postSignedJson, postStatus, statusWebhook } from './support/live-webhooks';

const REDIS_URL = redisDatabaseUrl(6);
const RECIPIENT = '12025550181';
const T0 = 1_750_000_000;

const MESSAGE = /* GraphQL */ `
  query Message($id: ID!) {
    message(id: $id) {
      id
      recipient
      status
      conflict
      statusHistory {
        status
        timestamp
        cursor
      }
      errors {
        code
      }
      diagnosis {
        verdict
        cause
      }
    }
  }
`;

interface MessageResult {
  message: {
    id: string;
    recipient: string;
    status: string;
    conflict: boolean;
    statusHistory: Array<{ status: string; timestamp: string; cursor: string }>;
    errors: Array<{ code: number }>;
    diagnosis: { verdict: string; cause: string };
  } | null;
}

describe('status rules seen through GraphQL after webhooks over HTTP, on Redis', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL);
  });
  afterAll(async () => {
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  const readMessage = async (id: string) => {
    const { body } = await gateway.graphql<MessageResult>(MESSAGE, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.message!;
  };

  const post = (messageId: string, status: WireStatusName, offsetSeconds: number, errorCode?: number) =>
    postStatus(gateway.url, {
      messageId,
      status,
      recipientId: RECIPIENT,
      timestamp: T0 + offsetSeconds,
      ...(errorCode !== undefined && { errorCode }),
    });

  const historyOf = (message: MessageResult['message']) =>
    message!.statusHistory.map((h) => [h.status, new Date(h.timestamp).getTime() / 1000 - T0]);

  it('drops a byte-identical retry of a webhook: one history entry, 200 both times', async () => {
    const id = newWamid();
    const payload = statusWebhook({
      messageId: id,
      status: 'delivered',
      recipientId: RECIPIENT,
      timestamp: T0,
    });
    expect((await postSignedJson(gateway.url, payload)).status).toBe(200);
    expect((await postSignedJson(gateway.url, payload)).status).toBe(200);
    const message = await readMessage(id);
    expect(message).toMatchObject({ id, recipient: `+${RECIPIENT}`, status: 'DELIVERED', conflict: false });
    expect(historyOf(message)).toEqual([['DELIVERED', 0]]);
  });

  it('keeps READ when sent and delivered arrive after it, history in Meta time order', async () => {
    const id = newWamid();
    await post(id, 'read', 3);
    await post(id, 'sent', 1);
    await post(id, 'delivered', 2);
    await post(id, 'delivered', 2); // Meta's retry
    const message = await readMessage(id);
    expect(message.status).toBe('READ');
    expect(message.conflict).toBe(false);
    expect(historyOf(message)).toEqual([
      ['SENT', 1],
      ['DELIVERED', 2],
      ['READ', 3],
    ]);
    // Cursors are the arrival order: read came first.
    const [sent, delivered, read] = message.statusHistory.map((h) => h.cursor);
    expect(compareCursors(read!, sent!)).toBeLessThan(0);
    expect(compareCursors(sent!, delivered!)).toBeLessThan(0);
  });

  it.each([
    ['delivered then failed', ['delivered', 'failed'] as const],
    ['failed then delivered', ['failed', 'delivered'] as const],
  ])('%s: DELIVERED with conflict, diagnosis AT_RISK', async (_name, order) => {
    const id = newWamid();
    await post(id, 'sent', 0);
    for (const [index, status] of order.entries()) {
      await post(id, status, index + 1, status === 'failed' ? 131026 : undefined);
    }
    const message = await readMessage(id);
    expect(message).toMatchObject({
      status: 'DELIVERED',
      conflict: true,
      errors: [{ code: 131026 }],
      diagnosis: { verdict: 'AT_RISK', cause: 'MULTI_DEVICE_CONFLICT' },
    });
    expect(message.statusHistory.map((h) => h.status)).toEqual([
      'SENT',
      ...order.map((s) => s.toUpperCase()),
    ]);
  });

  it('a failure alone is FAILED without conflict', async () => {
    const id = newWamid();
    await post(id, 'sent', 0);
    await post(id, 'failed', 1, 131026);
    const message = await readMessage(id);
    expect(message).toMatchObject({ status: 'FAILED', conflict: false });
    expect(message.diagnosis.verdict).toBe('FAILED');
  });

  describe("the simulator's webhook scenarios end to end", () => {
    const SEND = /* GraphQL */ `
      mutation Send($to: String!) {
        sendMessage(input: { to: $to, text: { body: "Your parcel is on its way" } }) {
          message {
            id
          }
          error {
            code
          }
        }
      }
    `;

    /**
     * The statuses a history holds, sorted, after checking it is in Meta's time order. Meta's timestamps
     * have whole seconds and ties keep arrival order, so the exact sequence within a second is not fixed.
     */
    const statusesOf = (message: NonNullable<MessageResult['message']>): string[] => {
      const times = message.statusHistory.map((h) => new Date(h.timestamp).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      return message.statusHistory.map((h) => h.status).sort();
    };

    /** Sends through the gateway, then waits until the simulator has delivered every webhook it planned. */
    const sendAndSettle = async (to: string) => {
      const { body } = await gateway.graphql<{
        sendMessage: { message: { id: string } | null; error: { code: number } | null };
      }>(SEND, { to });
      expect(body.errors).toBeUndefined();
      expect(body.data!.sendMessage.error).toBeNull();
      const id = body.data!.sendMessage.message!.id;
      await gateway.simulator!.flushWebhooks();
      expect(gateway.simulator!.stats.webhooks.givenUp).toBe(0);
      return readMessage(id);
    };

    it('ordinary: sent, delivered, read → READ', async () => {
      const message = await sendAndSettle('+12025550100');
      expect(message).toMatchObject({ status: 'READ', conflict: false });
      expect(statusesOf(message)).toEqual(['ACCEPTED', 'DELIVERED', 'READ', 'SENT']);
    });

    it('offline (36): sent, then nothing → stays SENT', async () => {
      const message = await sendAndSettle('+12025550136');
      expect(message).toMatchObject({ status: 'SENT', conflict: false });
      expect(statusesOf(message)).toEqual(['ACCEPTED', 'SENT']);
    });

    it('multi-device (37): delivered and failed → DELIVERED with conflict, AT_RISK', async () => {
      const message = await sendAndSettle('+12025550137');
      expect(message).toMatchObject({
        status: 'DELIVERED',
        conflict: true,
        errors: [{ code: 131026 }],
        diagnosis: { verdict: 'AT_RISK', cause: 'MULTI_DEVICE_CONFLICT' },
      });
      expect(statusesOf(message)).toEqual(['ACCEPTED', 'DELIVERED', 'FAILED', 'SENT']);
    });

    it('out-of-order with a duplicate (38): → READ, the duplicate dropped', async () => {
      const deliveredBefore = gateway.simulator!.stats.webhooks.delivered;
      const message = await sendAndSettle('+12025550138');
      // Four bodies were posted (read, sent, delivered, delivered again) and all answered 200 …
      expect(gateway.simulator!.stats.webhooks.delivered - deliveredBefore).toBe(4);
      // … but the repeated delivered is stored once.
      expect(message).toMatchObject({ status: 'READ', conflict: false });
      expect(message.statusHistory.map((h) => h.status).sort()).toEqual([
        'ACCEPTED',
        'DELIVERED',
        'READ',
        'SENT',
      ]);
      const times = message.statusHistory.map((h) => new Date(h.timestamp).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });
  });
});

function compareCursors(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am !== bm ? am - bm : as - bs;
}
