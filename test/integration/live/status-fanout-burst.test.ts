import { useTestGateway } from '../../support/use-test-gateway';
import { randomUUID } from 'node:crypto';
import { postWebhookBytes } from '../../support/webhook-client';
import {
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
} from '../../../src/simulator';
import { waitFor } from '../../support/gateway-harness';
import { STATUS_ONLY, WATCH, type Watched } from './support/status-documents';
import { WsProtocolClient } from './support/ws-protocol-client';

const APP_SECRET = 'fanout-burst-app-secret';
const SUBSCRIBER_KEY = 'fanout-burst-subscriber-01';
const ALICE = '+12025550171';
const REDIS_URL = 'redis://127.0.0.1:6379';
const KEY_PREFIX = `fob-${randomUUID().slice(0, 12)}:`;

const gateway = useTestGateway(() => ({
  WHATSAPP_APP_SECRET: APP_SECRET,
  GATEWAY_API_KEYS: `${SUBSCRIBER_KEY}:subscribe+read`,
  REDIS_URL,
  REDIS_KEY_PREFIX: KEY_PREFIX,
}));
let sequence = 0;
const clients: WsProtocolClient[] = [];

async function postStatus(id: string): Promise<void> {
  const body = serializeMetaJson(
    buildStatusWebhook({
      statuses: [
        buildWireStatus({
          messageId: id,
          status: 'sent',
          recipientId: ALICE,
          timestamp: 1_700_000_000 + sequence++,
        }),
      ],
    }),
  );
  expect(
    (await postWebhookBytes(gateway.url, body, { 'x-hub-signature-256': signWebhookBody(body, APP_SECRET) }))
      .status,
  ).toBe(200);
}

function cursorOrder(cursor: string): [number, number] {
  const [ms, seq] = cursor.split('-').map(Number);
  return [ms!, seq!];
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('a burst through the Redis bus', () => {
  // Events through Redis wait for their record read, so that a burst queues up behind the one being
  // delivered and goes out in batches: each socket then gets several frames in one write.
  it('reaches every subscription in stream order, one text frame per event and id', async () => {
    const a = await WsProtocolClient.connect(gateway.url, SUBSCRIBER_KEY);
    const b = await WsProtocolClient.connect(gateway.url, SUBSCRIBER_KEY);
    clients.push(a, b);
    let binaryFrames = 0;
    for (const client of [a, b]) {
      client.socket.on('message', (_data, isBinary) => {
        if (isBinary) binaryFrames += 1;
      });
    }
    a.subscribe('w', WATCH, { recipient: ALICE });
    a.subscribe('é-🚀', WATCH, { recipient: ALICE });
    b.subscribe('s', STATUS_ONLY, { recipient: ALICE });
    await Promise.all([a.settle(), b.settle()]);

    const ids = Array.from({ length: 60 }, (_, i) => `wamid.burst-${Date.now()}-${i}`);
    await Promise.all(ids.map((id) => postStatus(id)));
    await waitFor(
      () =>
        a.nexts('w').length >= ids.length &&
        a.nexts('é-🚀').length >= ids.length &&
        b.nexts('s').length >= ids.length,
      10_000,
    );

    const seen = a.nexts<Watched>('w').map((next) => next.data!.messageStatusChanged);
    const sorted = [...seen].sort((x, y) => {
      const [xm, xs] = cursorOrder(x.cursor);
      const [ym, ys] = cursorOrder(y.cursor);
      return xm - ym || xs - ys;
    });
    expect(seen).toEqual(sorted);
    expect(seen.map((event) => event.message.id).sort()).toEqual([...ids].sort());
    expect(a.nexts<Watched>('é-🚀').map((next) => next.data!.messageStatusChanged)).toEqual(seen);
    expect(b.nexts('s')).toEqual(ids.map(() => ({ data: { messageStatusChanged: { status: 'SENT' } } })));
    expect(binaryFrames).toBe(0);
  });
});
