import { type DestinationStream } from 'pino';
import { type MessageStore, MessageStatus } from '../../../src/messages';
import { createLogger } from '../../../src/observability';
import {
  createWebhookHandler,
  signBody,
  type WebhookEventCounts,
  type WebhookHandler,
} from '../../../src/webhooks';
import {
  change,
  CUSTOMER,
  inboundValue,
  type Json,
  messagesValue,
  metaBytes,
  notification,
  PHONE_NUMBER_ID,
  REFERENCE_DELIVERED_BODY,
  statusesBody,
  statusItem,
  UNDELIVERABLE_ERROR,
} from '../../unit/webhooks/meta-payload.fixtures';
import {
  memoryStoreSetup,
  randomKeyPrefix,
  recordOf,
  redisStoreSetup,
  type StoreSetup,
  type StoreUnderTest,
  waitFor,
  withFaults,
} from './webhook-store-setups';

const APP_SECRET = 'app-secret-for-webhook-tests-91f2';
const VERIFY_TOKEN = 'verify-token-for-webhook-tests-5a0c';
const NOW = 1_750_300_000_000;
const REFERENCE_ID = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2RjA0NTc4RTI1MDMzNEEA';

interface Harness {
  handler: WebhookHandler;
  logLines: () => Array<Record<string, unknown>>;
  rawLog: () => string;
  counts: WebhookEventCounts[];
}

function harness(store: MessageStore, options: { onEventsThrows?: boolean } = {}): Harness {
  const chunks: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void chunks.push(line) };
  const counts: WebhookEventCounts[] = [];
  const handler = createWebhookHandler({
    store,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    logger: createLogger({ level: 'debug', destination }),
    clock: () => NOW,
    onEvents: (c) => {
      counts.push(c);
      if (options.onEventsThrows) throw new Error('metrics registry unavailable');
    },
  });
  return {
    handler,
    counts,
    rawLog: () => chunks.join(''),
    logLines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function post(h: Harness, body: Buffer): ReturnType<WebhookHandler['handleNotification']> {
  return h.handler.handleNotification(body, signBody(body, APP_SECRET));
}

/** Asserts that neither the answer nor the log lines carry a secret or the expected signature. */
function expectNoSecrets(h: Harness, body: Buffer, answer: { body: string }): void {
  const expected = signBody(body, APP_SECRET).slice('sha256='.length);
  for (const text of [answer.body, h.rawLog()]) {
    expect(text).not.toContain(APP_SECRET);
    expect(text).not.toContain(VERIFY_TOKEN);
    expect(text).not.toContain(expected);
  }
}

const setups: StoreSetup[] = [memoryStoreSetup, redisStoreSetup(randomKeyPrefix('webhooks'))];

describe.each(setups)('webhook handler with the $name', (setup) => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await setup.create();
  });
  afterEach(async () => {
    await sut.close();
  });

  describe('signature (cases 1-5)', () => {
    it.each<[string, (body: Buffer) => [Buffer, string | undefined]]>([
      ['a missing header', (body) => [body, undefined]],
      ['another secret', (body) => [body, signBody(body, 'someone-elses-secret')]],
      [
        'a body changed by one byte',
        (body) => {
          const changed = Buffer.from(body);
          changed[changed.indexOf('delivered')] = 'D'.charCodeAt(0);
          return [changed, signBody(body, APP_SECRET)];
        },
      ],
      ['a wrong prefix', (body) => [body, signBody(body, APP_SECRET).replace('sha256=', 'sha1=')]],
      ['an odd length', (body) => [body, signBody(body, APP_SECRET).slice(0, -1)]],
    ])('answers 401 to %s and stores nothing', async (_name, make) => {
      const h = harness(sut.store);
      const [body, header] = make(REFERENCE_DELIVERED_BODY);
      const answer = await h.handler.handleNotification(body, header);
      expect(answer).toEqual({ statusCode: 401, body: 'Invalid signature' });
      expect(await recordOf(sut.store, REFERENCE_ID)).toBeNull();
      expect(h.counts).toEqual([]);
      expectNoSecrets(h, REFERENCE_DELIVERED_BODY, answer);
      expect(h.logLines()).toEqual([
        expect.objectContaining({ level: 40, msg: 'webhook refused: signature not valid' }),
      ]);
    });

    it('accepts non-ASCII content escaped as \\uXXXX, checked on the raw bytes (case 5)', async () => {
      const h = harness(sut.store);
      const body = metaBytes(
        notification([[change(inboundValue(CUSTOMER, 'wamid.in', 1_750_000_000, 'Olá 😀 你好'))]]),
      );
      expect(body.toString('utf8')).toContain('\\ud83d\\ude00');
      expect(await post(h, body)).toEqual({ statusCode: 200, body: 'OK' });
      expect(await sut.store.lastInboundAt(CUSTOMER, PHONE_NUMBER_ID)).toBe(1_750_000_000_000);
    });

    it('accepts raw UTF-8 emoji bytes, checked as they are', async () => {
      const h = harness(sut.store);
      const body = Buffer.from(
        JSON.stringify(notification([[change(inboundValue(CUSTOMER, 'wamid.in', 5, '😀'))]])),
      );
      expect(body.includes(Buffer.from('😀'))).toBe(true);
      expect(await post(h, body)).toEqual({ statusCode: 200, body: 'OK' });
    });
  });

  describe('malformed bodies (case 6)', () => {
    it('answers 400 to a body that is not JSON, with a valid signature, and stores nothing', async () => {
      const h = harness(sut.store);
      const body = Buffer.from(REFERENCE_DELIVERED_BODY.toString('utf8').slice(0, -3));
      expect(await post(h, body)).toEqual({ statusCode: 400, body: 'Malformed JSON' });
      expect(await recordOf(sut.store, REFERENCE_ID)).toBeNull();
    });

    it('answers 400 to a broken account notification, naming where, and stores none of it', async () => {
      const h = harness(sut.store);
      const body = metaBytes(
        notification([
          [
            change(
              messagesValue({ statuses: [statusItem({ id: 'wamid.ok', status: 'sent', timestamp: 1 })] }),
            ),
          ],
          [
            change(
              messagesValue({ statuses: [{ id: 'wamid.bad', status: 'sent', recipient_id: CUSTOMER }] }),
            ),
          ],
        ]),
      );
      const answer = await post(h, body);
      expect(answer.statusCode).toBe(400);
      expect(answer.body).toMatch(
        /^Malformed notification: entry\[1\]\.changes\[0\]\.value\.statuses\[0\]\.timestamp: /,
      );
      expect(await recordOf(sut.store, 'wamid.ok')).toBeNull();
      expect(h.counts).toEqual([]);
    });

    it.each<[string, Json]>([
      ['a JSON array', []],
      ['a JSON string', 'hello'],
      ['an object without `object`', { entry: [] }],
    ])('answers 400 to %s', async (_name, json) => {
      expect((await post(harness(sut.store), Buffer.from(JSON.stringify(json)))).statusCode).toBe(400);
    });
  });

  describe('storing', () => {
    it('answers 200 only once the status is stored, with receivedAt from the clock', async () => {
      const h = harness(sut.store);
      expect(await post(h, REFERENCE_DELIVERED_BODY)).toEqual({ statusCode: 200, body: 'OK' });
      const record = await recordOf(sut.store, REFERENCE_ID);
      expect(record).toMatchObject({
        id: REFERENCE_ID,
        phoneNumberId: PHONE_NUMBER_ID,
        waId: CUSTOMER,
        status: MessageStatus.DELIVERED,
        conflict: false,
        conversation: { id: 'CONVERSATION_ID', expiresAt: 1_750_350_173_000, originType: 'utility' },
        pricing: { billable: true, pricingModel: 'PMP', category: 'utility', type: 'regular' },
      });
      expect(record?.statusHistory).toEqual([
        expect.objectContaining({
          status: MessageStatus.DELIVERED,
          timestamp: 1_750_263_773_000,
          receivedAt: NOW,
        }),
      ]);
      expect(h.counts).toEqual([
        {
          statuses: [{ status: MessageStatus.DELIVERED, outcome: 'applied', count: 1 }],
          unknownStatuses: 0,
          inbound: 0,
        },
      ]);
    });

    it('stores every status of 3 entries × 2 changes × 50 statuses (case 9)', async () => {
      const h = harness(sut.store);
      const ids: string[] = [];
      const body = notification(
        [0, 1, 2].map((e) =>
          [0, 1].map((c) =>
            change(
              messagesValue({
                statuses: Array.from({ length: 50 }, (_, s) => {
                  ids.push(`wamid.${e}.${c}.${s}`);
                  return statusItem({
                    id: `wamid.${e}.${c}.${s}`,
                    status: 'sent',
                    timestamp: 1_750_000_000 + s,
                  });
                }),
              }),
            ),
          ),
        ),
      );
      expect(await post(h, metaBytes(body))).toEqual({ statusCode: 200, body: 'OK' });
      const records = await sut.store.getMany(ids);
      expect(records.filter((r) => r?.status === MessageStatus.SENT)).toHaveLength(300);
      await waitFor(() => sut.events.length === 300, '300 status events on the bus');
      expect(h.counts[0]?.statuses).toEqual([{ status: MessageStatus.SENT, outcome: 'applied', count: 300 }]);
    });

    it('changes nothing when the same body arrives twice (case 10)', async () => {
      const h = harness(sut.store);
      expect((await post(h, REFERENCE_DELIVERED_BODY)).statusCode).toBe(200);
      await waitFor(() => sut.events.length === 1, 'the first event');
      const first = await recordOf(sut.store, REFERENCE_ID);

      expect(await post(h, REFERENCE_DELIVERED_BODY)).toEqual({ statusCode: 200, body: 'OK' });
      expect(await recordOf(sut.store, REFERENCE_ID)).toEqual(first);
      const lastCursor = first?.statusHistory[0]?.cursor as string;
      expect(await sut.store.readEventsAfter(lastCursor, 10)).toEqual([]);
      expect(h.counts[1]?.statuses).toEqual([
        { status: MessageStatus.DELIVERED, outcome: 'duplicate', count: 1 },
      ]);

      // A later, different status is the barrier: once its event is seen, a second event of the
      // duplicate would have been seen before it.
      await post(
        h,
        metaBytes(statusesBody([{ id: REFERENCE_ID, status: 'read', timestamp: 1_750_263_800 }])),
      );
      await waitFor(() => sut.events.length >= 2, 'the barrier event');
      expect(sut.events.map((e) => e.status)).toEqual([MessageStatus.DELIVERED, MessageStatus.READ]);
    });

    it('keeps READ when statuses arrive read, sent, delivered, with the history complete (case 11)', async () => {
      const h = harness(sut.store);
      for (const [status, timestamp] of [
        ['read', 30],
        ['sent', 10],
        ['delivered', 20],
      ] as const) {
        const body = metaBytes(
          statusesBody([{ id: 'wamid.order', status, timestamp: 1_750_000_000 + timestamp }]),
        );
        expect((await post(h, body)).statusCode).toBe(200);
      }
      const record = await recordOf(sut.store, 'wamid.order');
      expect(record?.status).toBe(MessageStatus.READ);
      expect(record?.statusHistory.map((e) => e.status).sort()).toEqual(
        [MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.SENT].sort(),
      );
    });

    it.each([
      ['delivered then failed', ['delivered', 'failed']],
      ['failed then delivered', ['failed', 'delivered']],
    ])('keeps DELIVERED and flags the conflict for %s (case 12)', async (_name, order) => {
      const h = harness(sut.store);
      for (const status of order) {
        const body = metaBytes(
          statusesBody([
            {
              id: 'wamid.devices',
              status: status as string,
              timestamp: 1_750_000_000,
              ...(status === 'failed' ? { errors: [UNDELIVERABLE_ERROR] } : {}),
            },
          ]),
        );
        expect((await post(h, body)).statusCode).toBe(200);
      }
      const record = await recordOf(sut.store, 'wamid.devices');
      expect(record).toMatchObject({ status: MessageStatus.DELIVERED, conflict: true });
      expect(record?.errors).toEqual([
        expect.objectContaining({ code: 131026, details: 'Message Undeliverable.' }),
      ]);
    });

    it('applies several statuses of one body in body order', async () => {
      const h = harness(sut.store);
      const body = metaBytes(
        statusesBody([
          { id: 'wamid.batch', status: 'sent', timestamp: 100 },
          { id: 'wamid.batch', status: 'delivered', timestamp: 101 },
          { id: 'wamid.batch', status: 'teleported', timestamp: 102 },
        ]),
      );
      expect((await post(h, body)).statusCode).toBe(200);
      await waitFor(() => sut.events.length === 2, 'two events');
      expect(sut.events.map((e) => e.status)).toEqual([MessageStatus.SENT, MessageStatus.DELIVERED]);
      expect(h.counts).toEqual([
        {
          statuses: [
            { status: MessageStatus.SENT, outcome: 'applied', count: 1 },
            { status: MessageStatus.DELIVERED, outcome: 'applied', count: 1 },
          ],
          unknownStatuses: 1,
          inbound: 0,
        },
      ]);
    });

    it('records the latest inbound time of each customer', async () => {
      const h = harness(sut.store);
      const body = metaBytes(
        notification([
          [
            change(inboundValue(CUSTOMER, 'wamid.a', 1_750_000_100, 'first')),
            change(inboundValue(CUSTOMER, 'wamid.b', 1_750_000_200, 'second')),
            change(inboundValue('447700900123', 'wamid.c', 1_750_000_050, 'other')),
          ],
        ]),
      );
      expect((await post(h, body)).statusCode).toBe(200);
      expect(await sut.store.lastInboundAt(CUSTOMER, PHONE_NUMBER_ID)).toBe(1_750_000_200_000);
      expect(await sut.store.lastInboundAt('447700900123', PHONE_NUMBER_ID)).toBe(1_750_000_050_000);
      expect(h.counts).toEqual([{ statuses: [], unknownStatuses: 0, inbound: 3 }]);
      expect(h.rawLog()).not.toContain('second');
    });

    it('acknowledges unknown objects and fields, logging them at debug only (case 8)', async () => {
      const h = harness(sut.store);
      const unknownObject = metaBytes({ object: 'instagram', entry: [{ id: '1', changes: [] }] });
      expect(await post(h, unknownObject)).toEqual({ statusCode: 200, body: 'OK' });
      const unknownField = metaBytes(
        notification([[change({ event: 'APPROVED' }, 'message_template_status_update')]]),
      );
      expect(await post(h, unknownField)).toEqual({ statusCode: 200, body: 'OK' });
      const ignored = h.logLines().filter((l) => String(l['msg']).startsWith('webhook content ignored'));
      expect(ignored).toEqual([
        expect.objectContaining({ level: 20, notices: [{ kind: 'unknown-object', object: 'instagram' }] }),
        expect.objectContaining({
          level: 20,
          notices: [
            { kind: 'unknown-field', path: 'entry[0].changes[0]', field: 'message_template_status_update' },
          ],
        }),
      ]);
      expect(h.logLines().filter((l) => (l['level'] as number) >= 40)).toEqual([]);
    });

    it('logs errors Meta reports outside any message at warn', async () => {
      const h = harness(sut.store);
      const body = metaBytes(
        notification([
          [change(messagesValue({ errors: [{ code: 131000, title: 'Something went wrong' }] }))],
        ]),
      );
      expect((await post(h, body)).statusCode).toBe(200);
      expect(h.logLines()).toContainEqual(
        expect.objectContaining({
          level: 40,
          metaError: expect.objectContaining({ code: 131000, title: 'Something went wrong' }),
        }),
      );
    });

    it('answers the same whatever the metrics hook does', async () => {
      const h = harness(sut.store, { onEventsThrows: true });
      expect(await post(h, REFERENCE_DELIVERED_BODY)).toEqual({ statusCode: 200, body: 'OK' });
      expect(h.logLines()).toContainEqual(
        expect.objectContaining({ level: 40, msg: expect.stringContaining('metrics hook') }),
      );
    });
  });

  describe('a store that cannot take the statuses (case 13)', () => {
    /** The real store behind a switch that makes each write fail while it is on. */
    function failingWhile(store: MessageStore, failing: () => boolean): MessageStore {
      const refuse = (): Promise<never> => Promise.reject(new Error('connection to the store lost'));
      return withFaults(store, {
        applyStatuses: (updates, receivedAt) =>
          failing() ? refuse() : store.applyStatuses(updates, receivedAt),
        recordInbound: (waId, phoneNumberId, timestamp) =>
          failing() ? refuse() : store.recordInbound(waId, phoneNumberId, timestamp),
      });
    }

    it('answers 503 with a warn line carrying the error (not the body), then stores the retry once', async () => {
      let down = true;
      const h = harness(failingWhile(sut.store, () => down));
      const answer = await post(h, REFERENCE_DELIVERED_BODY);
      expect(answer).toEqual({ statusCode: 503, body: 'Store unavailable; retry later' });
      const warn = h.logLines().find((l) => l['level'] === 40);
      expect(warn).toMatchObject({
        msg: 'webhook not stored; answered 503 so that Meta retries',
        err: expect.objectContaining({ message: 'connection to the store lost' }),
        statuses: 1,
      });
      expect(h.rawLog()).not.toContain('CONVERSATION_ID');
      expectNoSecrets(h, REFERENCE_DELIVERED_BODY, answer);
      expect(h.counts).toEqual([
        {
          statuses: [{ status: MessageStatus.DELIVERED, outcome: 'failed', count: 1 }],
          unknownStatuses: 0,
          inbound: 0,
        },
      ]);

      down = false;
      expect((await post(h, REFERENCE_DELIVERED_BODY)).statusCode).toBe(200);
      expect(await post(h, REFERENCE_DELIVERED_BODY)).toEqual({ statusCode: 200, body: 'OK' });
      expect((await recordOf(sut.store, REFERENCE_ID))?.statusHistory).toHaveLength(1);
    });

    it('answers 503 when only the inbound write fails', async () => {
      const store = withFaults(sut.store, {
        recordInbound: () => Promise.reject(new Error('inbound write failed')),
      });
      const body = metaBytes(
        notification([[change(inboundValue(CUSTOMER, 'wamid.in', 1_750_000_000, 'hi'))]]),
      );
      expect((await post(harness(store), body)).statusCode).toBe(503);
    });

    it('answers 503 when the store throws instead of rejecting', async () => {
      const store = withFaults(sut.store, {
        applyStatuses: () => {
          throw new Error('store misconfigured');
        },
      });
      expect((await post(harness(store), REFERENCE_DELIVERED_BODY)).statusCode).toBe(503);
    });

    it('answers 503 when the store answers fewer outcomes than statuses', async () => {
      const store = withFaults(sut.store, { applyStatuses: async () => [] });
      expect((await post(harness(store), REFERENCE_DELIVERED_BODY)).statusCode).toBe(503);
    });
  });
});

describe('webhook verification handshake (case 14)', () => {
  it('answers the challenge as text for the right token and 403 otherwise, never logging the token', async () => {
    const { store } = await memoryStoreSetup.create();
    const h = harness(store);
    const right = {
      'hub.mode': 'subscribe',
      'hub.challenge': '1158201444',
      'hub.verify_token': VERIFY_TOKEN,
    };
    expect(h.handler.handleVerification(right)).toEqual({ statusCode: 200, body: '1158201444' });
    const wrong = { ...right, 'hub.verify_token': 'not-the-token' };
    expect(h.handler.handleVerification(wrong)).toEqual({ statusCode: 403, body: 'Forbidden' });
    expect(h.logLines()).toContainEqual(expect.objectContaining({ level: 40, reason: 'token' }));
    expect(h.rawLog()).not.toContain(VERIFY_TOKEN);
    expect(h.rawLog()).not.toContain('not-the-token');
  });
});

describe('createWebhookHandler options', () => {
  it.each([
    ['appSecret', { appSecret: '' }, /appSecret is empty/],
    ['verifyToken', { verifyToken: '' }, /verifyToken is empty/],
  ])('refuses an empty %s at construction', async (_name, override, message) => {
    const { store } = await memoryStoreSetup.create();
    const logger = createLogger({ level: 'silent' });
    expect(() =>
      createWebhookHandler({ store, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, logger, ...override }),
    ).toThrow(message);
  });
});
