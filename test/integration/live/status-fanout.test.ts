import { useTestGateway } from '../../support/use-test-gateway';
import { request } from 'undici';
import { postWebhookBytes } from '../../support/webhook-client';
import {
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
  SIMULATOR_DEFAULTS,
} from '../../../src/simulator';
import { waitFor } from '../../support/gateway-harness';
import { STATUS_ONLY, WATCH, type Watched } from './support/status-documents';
import { expectStalledSubscriberCutOff } from './support/stalled-subscriber';
import { WsProtocolClient } from './support/ws-protocol-client';

const APP_SECRET = 'fanout-test-app-secret';
const SUBSCRIBER_KEY = 'fanout-subscriber-key-01';
const SEND_ONLY_KEY = 'fanout-send-only-key-001';
const MAX_SUBSCRIPTIONS = 3;
const ALICE = '+12025550161';
const BOB = '+12025550162';

const gateway = useTestGateway(() => ({
  WHATSAPP_APP_SECRET: APP_SECRET,
  GATEWAY_API_KEYS: `${SUBSCRIBER_KEY}:subscribe+read,${SEND_ONLY_KEY}:send`,
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS),
  STREAM_MAX_LENGTH: '100',
}));
let sequence = 0;
const clients: WsProtocolClient[] = [];

async function connect(key = SUBSCRIBER_KEY): Promise<WsProtocolClient> {
  const client = await WsProtocolClient.connect(gateway.url, key);
  clients.push(client);
  return client;
}

/** Posts one signed webhook with the given statuses; resolves on its 200. */
async function postStatuses(
  statuses: Array<{ id: string; status: 'sent' | 'delivered' | 'read'; to: string }>,
): Promise<void> {
  const body = serializeMetaJson(
    buildStatusWebhook({
      statuses: statuses.map((s) =>
        buildWireStatus({
          messageId: s.id,
          status: s.status,
          recipientId: s.to,
          timestamp: 1_700_000_000 + sequence++,
        }),
      ),
    }),
  );
  expect(
    (await postWebhookBytes(gateway.url, body, { 'x-hub-signature-256': signWebhookBody(body, APP_SECRET) }))
      .status,
  ).toBe(200);
}

const newId = (): string => `wamid.fanout-${Date.now()}-${sequence++}`;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function activeSubscriptions(): Promise<number> {
  const response = await request(`${gateway.url}/metrics`);
  const page = await response.body.text();
  const line = page.split('\n').find((row) => row.startsWith('gateway_subscriptions_active '));
  return Number(line?.split(' ')[1]);
}

describe('messageStatusChanged on the shared fan-out', () => {
  it('counts live subscriptions on /metrics, and forgets those of a socket that went away', async () => {
    const before = await activeSubscriptions();
    const client = await connect();
    client.subscribe('one', WATCH, { recipient: ALICE });
    client.subscribe('two', STATUS_ONLY, { recipient: BOB });
    await client.settle();
    expect(await activeSubscriptions()).toBe(before + 2);
    client.send({ id: 'one', type: 'complete' });
    await waitFor(async () => (await activeSubscriptions()) === before + 1);
    await client.close();
    await waitFor(async () => (await activeSubscriptions()) === before);
  });

  it('delivers an event only to the subscriptions whose filters match it', async () => {
    const client = await connect();
    const id = newId();
    client.subscribe('by-recipient', WATCH, { recipient: ALICE });
    client.subscribe('by-message', WATCH, { messageId: id });
    client.subscribe('other-number', WATCH, { phoneNumberId: '999999999999' });
    const sentinel = await connect();
    sentinel.subscribe('all', WATCH);
    await Promise.all([client.settle(), sentinel.settle()]);

    await postStatuses([{ id, status: 'sent', to: ALICE }]);
    await postStatuses([{ id: newId(), status: 'sent', to: BOB }]);
    await waitFor(() => sentinel.nexts('all').length === 2);
    await waitFor(() => client.nexts('by-message').length === 1 && client.nexts('by-recipient').length === 1);
    await client.settle();

    expect(client.nexts<Watched>('by-recipient').map((p) => p.data!.messageStatusChanged.message)).toEqual([
      { id, recipient: ALICE },
    ]);
    expect(client.nexts<Watched>('by-message').map((p) => p.data!.messageStatusChanged.status)).toEqual([
      'SENT',
    ]);
    expect(client.nexts('other-number')).toEqual([]);
    // The phone number filter matches the simulator's own number.
    const own = await connect();
    own.subscribe('own-number', WATCH, { phoneNumberId: SIMULATOR_DEFAULTS.phoneNumberId });
    await own.settle();
    await postStatuses([{ id, status: 'delivered', to: ALICE }]);
    await waitFor(() => own.nexts('own-number').length === 1);
  });

  it('renders each selection for its own subscribers and shares one text between equal selections', async () => {
    const a = await connect();
    const b = await connect();
    const c = await connect();
    a.subscribe('s', STATUS_ONLY, { recipient: ALICE });
    b.subscribe('s', WATCH, { recipient: ALICE });
    c.subscribe('other-id', STATUS_ONLY, { recipient: ALICE });
    await Promise.all([a.settle(), b.settle(), c.settle()]);

    const id = newId();
    await postStatuses([{ id, status: 'sent', to: ALICE }]);
    await waitFor(
      () => a.nexts('s').length === 1 && b.nexts('s').length === 1 && c.nexts('other-id').length === 1,
    );

    expect(a.nexts('s')).toEqual([{ data: { messageStatusChanged: { status: 'SENT' } } }]);
    expect(b.nexts<Watched>('s')[0]!.data!.messageStatusChanged).toMatchObject({
      status: 'SENT',
      message: { id, recipient: ALICE },
    });
    // Byte for byte the same payload, under each subscriber's own id.
    const frameA = a.frames.find((f) => f.includes('"next"'))!;
    const frameC = c.frames.find((f) => f.includes('"next"'))!;
    expect(frameC).toBe(frameA.replace('{"id":"s"', '{"id":"other-id"'));
  });

  it('keeps the Message fields, diagnosis included, resolvable in a subscription', async () => {
    const client = await connect();
    client.subscribe(
      'd',
      `subscription { messageStatusChanged(recipient: "${BOB}") { status message { status conflict diagnosis { verdict } } } }`,
    );
    await client.settle();
    await postStatuses([{ id: newId(), status: 'delivered', to: BOB }]);
    await waitFor(() => client.nexts('d').length === 1);
    const [payload] = client.nexts<{
      messageStatusChanged: { message: { status: string; diagnosis: { verdict: string } } };
    }>('d');
    expect(payload!.errors).toBeUndefined();
    expect(payload!.data!.messageStatusChanged.message.status).toBe('DELIVERED');
    expect(typeof payload!.data!.messageStatusChanged.message.diagnosis.verdict).toBe('string');
  });

  it('stops delivering to a subscription the client completes', async () => {
    const client = await connect();
    client.subscribe('stays', WATCH, { recipient: ALICE });
    client.subscribe('leaves', WATCH, { recipient: ALICE });
    await client.settle();
    await postStatuses([{ id: newId(), status: 'sent', to: ALICE }]);
    await waitFor(() => client.nexts('leaves').length === 1 && client.nexts('stays').length === 1);

    client.send({ id: 'leaves', type: 'complete' });
    await client.settle();
    await postStatuses([{ id: newId(), status: 'sent', to: ALICE }]);
    await waitFor(() => client.nexts('stays').length === 2);
    await client.settle();
    expect(client.nexts('leaves')).toHaveLength(1);
    // The completed id is free again, within the per-connection limit.
    client.subscribe('leaves', WATCH, { recipient: ALICE });
    await client.settle();
    expect(client.messages().filter((m) => m.id === 'leaves' && m.type === 'error')).toEqual([]);
  });

  it('refuses subscriptions past the per-connection limit and keeps the socket healthy', async () => {
    const client = await connect();
    for (let i = 0; i <= MAX_SUBSCRIPTIONS; i++) client.subscribe(`sub-${i}`, WATCH, { recipient: ALICE });
    await waitFor(() => client.messages().some((m) => m.type === 'error'));
    const refused = client.messages().filter((m) => m.type === 'error');
    expect(refused).toEqual([
      {
        id: `sub-${MAX_SUBSCRIPTIONS}`,
        type: 'error',
        payload: [
          expect.objectContaining({ extensions: { code: 'RATE_LIMITED', requestId: expect.any(String) } }),
        ],
      },
    ]);
    await postStatuses([{ id: newId(), status: 'sent', to: ALICE }]);
    await waitFor(() => client.nexts(`sub-${MAX_SUBSCRIPTIONS - 1}`).length === 1);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('replays after `since`, then goes live, with nothing missed or repeated at the seam', async () => {
    const id = newId();
    const watcher = await connect();
    watcher.subscribe('w', WATCH, { messageId: id });
    await watcher.settle();
    await postStatuses([{ id, status: 'sent', to: BOB }]);
    await postStatuses([{ id, status: 'delivered', to: BOB }]);
    await waitFor(() => watcher.nexts('w').length === 2);
    const [first] = watcher.nexts<Watched>('w');

    const resumed = await connect();
    resumed.subscribe('r', WATCH, { messageId: id, since: first!.data!.messageStatusChanged.cursor });
    // The live event races the replay on purpose.
    await postStatuses([{ id, status: 'read', to: BOB }]);
    await waitFor(() => resumed.nexts('r').length >= 2);
    await waitFor(() => watcher.nexts('w').length === 3);
    await resumed.settle();

    const statuses = resumed.nexts<Watched>('r').map((p) => p.data!.messageStatusChanged.status);
    expect(statuses).toEqual(['DELIVERED', 'READ']);
    expect(resumed.nexts<Watched>('r').map((p) => p.data!.messageStatusChanged.cursor)).toEqual(
      watcher
        .nexts<Watched>('w')
        .slice(1)
        .map((p) => p.data!.messageStatusChanged.cursor),
    );
  });

  it('answers a malformed `since` with BAD_USER_INPUT and one too old with an error, not a gap', async () => {
    const client = await connect();
    client.subscribe('bad', WATCH, { since: 'not-a-cursor' });
    await waitFor(() => client.messages().some((m) => m.id === 'bad' && m.type === 'complete'));
    expect(client.nexts('bad')).toEqual([
      expect.objectContaining({
        errors: [
          expect.objectContaining({
            message: expect.stringContaining('not-a-cursor'),
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'since' }),
          }),
        ],
      }),
    ]);

    client.subscribe('all', WATCH);
    await client.settle();
    const statuses = Array.from({ length: 120 }, () => ({ id: newId(), status: 'sent' as const, to: BOB }));
    await postStatuses(statuses);
    await waitFor(() => client.nexts('all').length === 120);
    const oldest = client.nexts<Watched>('all')[0]!.data!.messageStatusChanged.cursor;
    client.subscribe('expired', WATCH, { since: oldest });
    await waitFor(() => client.messages().some((m) => m.id === 'expired' && m.type === 'error'));
    const error = client.messages().find((m) => m.id === 'expired' && m.type === 'error')!;
    expect(error.payload).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'since' }),
      }),
    ]);
    expect(client.nexts('expired')).toEqual([]);
  });

  it('closes a consumer that stops reading with 1013, while the others get every event', async () => {
    const heavy = `subscription { messageStatusChanged(recipient: "${BOB}") { cursor ${Array.from(
      { length: 12 },
      (_, i) =>
        `m${i}: message { id recipient statusHistory { status timestamp receivedAt cursor } diagnosis(locale: ZH_TW) { verdict explanation } }`,
    ).join(' ')} } }`;
    await expectStalledSubscriberCutOff({
      connect,
      document: heavy,
      postHundred: () =>
        postStatuses(Array.from({ length: 100 }, () => ({ id: newId(), status: 'sent' as const, to: BOB }))),
    });
  }, 40_000);
});

describe('connection_init on the fan-out server', () => {
  it('closes with 4401 for no key and 4403 for a key that may not subscribe or read', async () => {
    const anonymous = await WsProtocolClient.open(gateway.url);
    clients.push(anonymous);
    anonymous.send({ type: 'connection_init', payload: {} });
    expect((await anonymous.closed).code).toBe(4401);

    const sender = await WsProtocolClient.open(gateway.url);
    clients.push(sender);
    sender.send({ type: 'connection_init', payload: { apiKey: SEND_ONLY_KEY } });
    expect((await sender.closed).code).toBe(4403);
  });

  it('closes with 4401 when a subscribe comes before connection_init', async () => {
    const early = await WsProtocolClient.open(gateway.url);
    clients.push(early);
    early.subscribe('x', WATCH);
    expect((await early.closed).code).toBe(4401);
  });
});
