import { type DestinationStream } from 'pino';
import { type MessageStore, MessageStatus } from '../../../src/messages';
import { createLogger } from '../../../src/observability';
import { type AccountEventStore, MemoryAccountEventStore } from '../../../src/account-events';
import { type ContactStore, MemoryContactStore } from '../../../src/contacts';
import { MemoryInboundStore } from '../../../src/conversations';
import { MemoryCallStore } from '../../../src/calls';
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
  contacts: ContactStore;
  accountEvents: AccountEventStore;
  logLines: () => Array<Record<string, unknown>>;
  rawLog: () => string;
  counts: WebhookEventCounts[];
}

interface HarnessOptions {
  onEventsThrows?: boolean;
  /** The contact, account event, inbound and call stores of the store under test; in-memory ones when not given. */
  stores?: Pick<StoreUnderTest, 'contacts' | 'accountEvents' | 'inbound' | 'calls'>;
}

function harness(store: MessageStore, options: HarnessOptions = {}): Harness {
  const contacts = options.stores?.contacts ?? new MemoryContactStore();
  const accountEvents = options.stores?.accountEvents ?? new MemoryAccountEventStore();
  const inbound = options.stores?.inbound ?? new MemoryInboundStore();
  const calls = options.stores?.calls ?? new MemoryCallStore();
  const chunks: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void chunks.push(line) };
  const counts: WebhookEventCounts[] = [];
  const handler = createWebhookHandler({
    store,
    contacts,
    accountEvents,
    inbound,
    calls,
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
    contacts,
    accountEvents,
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

    it('stores every readable part of a body and keeps the unreadable one as a WEBHOOK_ERROR (case 49)', async () => {
      const h = harness(sut.store, { stores: sut });
      const broken = { id: 'wamid.bad', status: 'sent', timestamp: '2025-06-18', recipient_id: CUSTOMER };
      const body = metaBytes(
        notification([
          [
            change(
              messagesValue({
                statuses: [
                  statusItem({ id: 'wamid.ok', status: 'sent', timestamp: 1_750_000_000 }),
                  broken,
                  statusItem({ id: 'wamid.ok2', status: 'delivered', timestamp: 1_750_000_001 }),
                ],
              }),
            ),
          ],
        ]),
      );
      expect(await post(h, body)).toEqual({ statusCode: 200, body: 'OK' });
      expect((await recordOf(sut.store, 'wamid.ok'))?.status).toBe(MessageStatus.SENT);
      expect((await recordOf(sut.store, 'wamid.ok2'))?.status).toBe(MessageStatus.DELIVERED);
      expect(await recordOf(sut.store, 'wamid.bad')).toBeNull();

      const { records } = await sut.accountEvents.list(null, 10, null);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        kind: 'WEBHOOK_ERROR',
        field: 'messages',
        phoneNumberId: PHONE_NUMBER_ID,
        receivedAt: NOW,
        payload: {
          path: 'entry[0].changes[0].value.statuses[1]',
          reason: expect.stringMatching(/^timestamp: /),
          raw: broken,
        },
      });
      expect(h.counts[0]).toMatchObject({
        unreadable: 1,
        accountEvents: [{ kind: 'WEBHOOK_ERROR', count: 1 }],
      });
      const warn = h
        .logLines()
        .find((l) => l['msg'] === 'webhook part could not be read; kept as a WEBHOOK_ERROR account event');
      expect(warn).toMatchObject({ level: 40, path: 'entry[0].changes[0].value.statuses[1]' });

      // Meta retries the same body: nothing is stored twice, the unreadable part included.
      expect((await post(h, body)).statusCode).toBe(200);
      expect((await sut.accountEvents.list(null, 10, null)).records).toHaveLength(1);
      expect((await recordOf(sut.store, 'wamid.ok'))?.statusHistory).toHaveLength(1);
    });

    const entryWithoutChanges = { id: '1' };
    const valueWithoutMetadata = { messaging_product: 'whatsapp', statuses: [] };
    it.each<[string, Json, string, Json]>([
      ['a JSON array', [], '', []],
      ['a JSON string', 'hello', '', 'hello'],
      ['an object without `object`', { entry: [] }, '', { entry: [] }],
      [
        'an entry without changes',
        { object: 'whatsapp_business_account', entry: [entryWithoutChanges] },
        'entry[0]',
        entryWithoutChanges,
      ],
      [
        'a messages value without metadata',
        notification([[change(valueWithoutMetadata)]]),
        'entry[0].changes[0].value',
        valueWithoutMetadata,
      ],
    ])('answers 200 to %s and keeps it as a WEBHOOK_ERROR', async (_name, json, path, raw) => {
      const h = harness(sut.store, { stores: sut });
      expect((await post(h, Buffer.from(JSON.stringify(json)))).statusCode).toBe(200);
      const { records } = await sut.accountEvents.list(null, 10, null);
      expect(records).toEqual([
        expect.objectContaining({
          kind: 'WEBHOOK_ERROR',
          payload: expect.objectContaining({ path, raw }),
        }),
      ]);
    });
  });

  describe('business-scoped user ids (case 50)', () => {
    const BSUID = 'US.13491208655302741918';

    it('stores and publishes a status that names the customer by BSUID only', async () => {
      const h = harness(sut.store, { stores: sut });
      const status = statusItem({
        id: 'wamid.bsuid',
        status: 'delivered',
        timestamp: 1_750_000_000,
      }) as Record<string, Json>;
      delete status['recipient_id'];
      status['recipient_user_id'] = BSUID;
      status['recipient_parent_user_id'] = 'US.ENT.11815799212886844830';
      expect(
        await post(h, metaBytes(notification([[change(messagesValue({ statuses: [status] }))]]))),
      ).toEqual({
        statusCode: 200,
        body: 'OK',
      });
      const record = await recordOf(sut.store, 'wamid.bsuid');
      expect(record).toMatchObject({
        recipientUserId: BSUID,
        recipientParentUserId: 'US.ENT.11815799212886844830',
        status: MessageStatus.DELIVERED,
      });
      expect(record).not.toHaveProperty('recipient');
      await waitFor(() => sut.events.some((e) => e.messageId === 'wamid.bsuid'));
      expect(sut.events.find((e) => e.messageId === 'wamid.bsuid')).toMatchObject({ recipientUserId: BSUID });
      expect(sut.events.find((e) => e.messageId === 'wamid.bsuid')).not.toHaveProperty('recipient');
      expect((await sut.store.list({ recipient: BSUID }, 10, null)).records.map((r) => r.id)).toEqual([
        'wamid.bsuid',
      ]);
      expect(await sut.contacts.find(BSUID)).toMatchObject({
        id: BSUID,
        parentUserId: 'US.ENT.11815799212886844830',
      });
    });

    it('stores an inbound message without `from` and learns the contact and its window', async () => {
      const h = harness(sut.store, { stores: sut });
      const value = messagesValue({
        contacts: [{ user_id: BSUID, profile: { name: 'Mei', username: '@mei' } }],
        messages: [
          {
            from_user_id: BSUID,
            id: 'wamid.in.bsuid',
            timestamp: '1750000000',
            type: 'text',
            text: { body: 'hi' },
          },
        ],
      });
      expect((await post(h, metaBytes(notification([[change(value)]])))).statusCode).toBe(200);
      expect(await sut.store.lastInboundAt(BSUID, PHONE_NUMBER_ID)).toBe(1_750_000_000_000);
      expect(await sut.contacts.find(BSUID)).toMatchObject({
        id: BSUID,
        userId: BSUID,
        username: '@mei',
        profileName: 'Mei',
        lastInboundAt: 1_750_000_000_000,
      });
      expect(await sut.contacts.find(BSUID)).not.toHaveProperty('phone');
    });

    it('joins the number and the BSUID into one contact once Meta shows both', async () => {
      const h = harness(sut.store, { stores: sut });
      const byNumber = statusItem({ id: 'wamid.num', status: 'sent', timestamp: 1_750_000_000 });
      expect(
        await post(h, metaBytes(notification([[change(messagesValue({ statuses: [byNumber] }))]]))),
      ).toMatchObject({ statusCode: 200 });
      expect(await sut.contacts.find(`+${CUSTOMER}`)).toMatchObject({ id: `+${CUSTOMER}`, waId: CUSTOMER });

      const both = { ...(byNumber as Record<string, Json>), id: 'wamid.both', recipient_user_id: BSUID };
      expect(
        await post(h, metaBytes(notification([[change(messagesValue({ statuses: [both] }))]]))),
      ).toMatchObject({ statusCode: 200 });
      const joined = await sut.contacts.find(CUSTOMER);
      expect(joined).toMatchObject({ id: BSUID, phone: `+${CUSTOMER}`, waId: CUSTOMER, userId: BSUID });
      expect(await sut.contacts.find(BSUID)).toEqual(joined);
      // Either name finds the messages Meta named with it.
      expect((await sut.store.list({ recipient: BSUID }, 10, null)).records.map((r) => r.id)).toEqual([
        'wamid.both',
      ]);
      expect(
        (await sut.store.list({ recipient: `+${CUSTOMER}` }, 10, null)).records.map((r) => r.id).sort(),
      ).toEqual(['wamid.both', 'wamid.num']);
    });

    it('stores a group status with the group and the participant (not as a phone number)', async () => {
      const h = harness(sut.store, { stores: sut });
      const status = {
        ...(statusItem({ id: 'wamid.group', status: 'read', timestamp: 1_750_000_000 }) as Record<
          string,
          Json
        >),
        recipient_id: 'GROUP_ID_120363',
        recipient_type: 'group',
        recipient_participant_id: CUSTOMER,
      };
      expect(
        await post(h, metaBytes(notification([[change(messagesValue({ statuses: [status] }))]]))),
      ).toMatchObject({ statusCode: 200 });
      const record = await recordOf(sut.store, 'wamid.group');
      expect(record).toMatchObject({
        recipientType: 'group',
        groupId: 'GROUP_ID_120363',
        recipientParticipantId: CUSTOMER,
      });
      expect(record).not.toHaveProperty('recipient');
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
          unreadable: 0,
          accountEvents: [],
          calls: 0,
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
          unreadable: 0,
          accountEvents: [],
          calls: 0,
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
      expect(h.counts).toEqual([
        { statuses: [], unknownStatuses: 0, inbound: 3, unreadable: 0, accountEvents: [], calls: 0 },
      ]);
      expect(h.rawLog()).not.toContain('second');
    });

    it('acknowledges unknown objects, logging them at debug only (case 8)', async () => {
      const h = harness(sut.store);
      const unknownObject = metaBytes({ object: 'instagram', entry: [{ id: '1', changes: [] }] });
      expect(await post(h, unknownObject)).toEqual({ statusCode: 200, body: 'OK' });
      const ignored = h.logLines().filter((l) => String(l['msg']).startsWith('webhook content ignored'));
      expect(ignored).toEqual([
        expect.objectContaining({ level: 20, notices: [{ kind: 'unknown-object', object: 'instagram' }] }),
      ]);
      expect(h.logLines().filter((l) => (l['level'] as number) >= 40)).toEqual([]);
    });

    it('keeps a change of another field as an account event, and an unknown field as OTHER', async () => {
      const h = harness(sut.store, { stores: sut });
      const body = metaBytes(
        notification([
          [
            change({ event: 'APPROVED', message_template_name: 'hello' }, 'message_template_status_update'),
            change({ decision: 'APPROVED' }, 'account_review_update'),
          ],
        ]),
      );
      expect(await post(h, body)).toEqual({ statusCode: 200, body: 'OK' });
      const { records } = await sut.accountEvents.list(null, 10, null);
      expect(records.map((r) => [r.kind, r.field, r.payload])).toEqual([
        ['OTHER', 'account_review_update', { decision: 'APPROVED' }],
        [
          'TEMPLATE_STATUS',
          'message_template_status_update',
          { event: 'APPROVED', message_template_name: 'hello' },
        ],
      ]);
      expect(h.counts[0]?.accountEvents).toEqual([
        { kind: 'TEMPLATE_STATUS', count: 1 },
        { kind: 'OTHER', count: 1 },
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
          unreadable: 0,
          accountEvents: [],
          calls: 0,
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
    const { store, contacts, accountEvents, inbound, calls } = await memoryStoreSetup.create();
    const logger = createLogger({ level: 'silent' });
    const options = {
      store,
      contacts,
      accountEvents,
      inbound,
      calls,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      logger,
    };
    expect(() => createWebhookHandler({ ...options, ...override })).toThrow(message);
  });
});
