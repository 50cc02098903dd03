import {
  createMemoryMessaging,
  MessageOrigin,
  MessageStatus,
  type MessageRecord,
  type MessageStore,
  type NewEcho,
  type StatusBus,
  type StatusChangeEvent,
} from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { waitFor } from '../../support/wait-for';
import { openRedisHarness } from './redis-harness';

const PHONE = '106540352242922';
const BASE = Date.UTC(2025, 9, 23, 10, 0, 0);
const RECEIVED = BASE + 2_000;

interface Harness {
  store: MessageStore;
  bus: StatusBus;
  close(): Promise<void>;
}

const setups: Array<[string, () => Promise<Harness>]> = [
  [
    'memory',
    async () => {
      const { store, bus } = createMemoryMessaging({ logger: createSilentLogger() });
      return { store, bus, close: () => bus.close() };
    },
  ],
  ['redis', () => openRedisHarness()],
];

function echo(id: string, overrides: Partial<NewEcho> = {}): NewEcho {
  const raw = { from: '15550783881', to: '5491155550142', id, timestamp: String(BASE / 1000), type: 'text' };
  return {
    id,
    phoneNumberId: PHONE,
    recipient: '+5491155550142',
    waId: '5491155550142',
    recipientUserId: 'AR.8802000000000142',
    type: 'text',
    timestamp: BASE,
    text: 'Tu pedido está listo',
    // An empty list and a long number: what a re-encoding Lua apply would change.
    rawJson: JSON.stringify({
      ...raw,
      text: { body: 'Tu pedido está listo' },
      errors: [],
      n: 0.1234567890123456,
    }),
    ...overrides,
  };
}

/** The record without the stream cursors, which each store makes its own way. */
function comparable(record: MessageRecord | null): unknown {
  if (record === null) return null;
  return { ...record, statusHistory: record.statusHistory.map(({ cursor: _c, ...entry }) => entry) };
}

describe.each(setups)('echoes in the %s message store', (_name, open) => {
  let harness: Harness;
  const published: StatusChangeEvent[] = [];
  let stop: () => void = () => undefined;

  beforeEach(async () => {
    harness = await open();
    published.length = 0;
    stop = await harness.bus.subscribe((event) => published.push(event));
  });
  afterEach(async () => {
    stop();
    await harness.close();
  });

  it('stores an echo as an outbound message from the app, and publishes its event like a send', async () => {
    const [outcome] = await harness.store.recordEchoes([echo('wamid.E1')], RECEIVED);
    expect(outcome).toMatchObject({
      kind: 'applied',
      event: {
        messageId: 'wamid.E1',
        phoneNumberId: PHONE,
        recipient: '+5491155550142',
        recipientUserId: 'AR.8802000000000142',
        status: MessageStatus.ACCEPTED,
        previousStatus: null,
        timestamp: BASE,
      },
    });
    const [record] = await harness.store.getMany(['wamid.E1']);
    expect(comparable(record ?? null)).toEqual({
      id: 'wamid.E1',
      phoneNumberId: PHONE,
      recipient: '+5491155550142',
      waId: '5491155550142',
      recipientUserId: 'AR.8802000000000142',
      type: 'text',
      createdAt: BASE,
      status: MessageStatus.ACCEPTED,
      conflict: false,
      statusHistory: [{ status: MessageStatus.ACCEPTED, timestamp: BASE, receivedAt: RECEIVED, errors: [] }],
      errors: [],
      updatedAt: RECEIVED,
      origin: MessageOrigin.BUSINESS_APP,
      text: 'Tu pedido está listo',
      rawJson: echo('wamid.E1').rawJson,
    });
    // The echo as Meta sent it comes back byte for byte (no list turned into an object, no number rounded).
    expect(record?.rawJson).toBe(echo('wamid.E1').rawJson);
    await waitForEvents(published, 1);
    // Both names of the customer find it, as they find the gateway's sends.
    for (const recipient of ['+5491155550142', 'AR.8802000000000142']) {
      const page = await harness.store.list({ recipient }, 10, null);
      expect(page.records.map((r) => r.id)).toEqual(['wamid.E1']);
    }
  });

  it('stores an echo Meta delivers again once, and never changes a message stored with its own facts', async () => {
    await harness.store.recordEchoes([echo('wamid.E2')], RECEIVED);
    const [again] = await harness.store.recordEchoes([echo('wamid.E2', { text: 'changed' })], RECEIVED + 5);
    expect(again).toEqual({ kind: 'duplicate' });

    await harness.store.recordSent(
      {
        id: 'wamid.SENT',
        phoneNumberId: PHONE,
        recipient: '+5491155550142',
        waId: '5491155550142',
        type: 'template',
        status: MessageStatus.ACCEPTED,
        createdAt: BASE,
      },
      RECEIVED,
    );
    const [onSend] = await harness.store.recordEchoes(
      [echo('wamid.SENT', { timestamp: BASE + 1_000 })],
      RECEIVED,
    );
    expect(onSend).toEqual({ kind: 'duplicate' });
    const [echoed, sent] = await harness.store.getMany(['wamid.E2', 'wamid.SENT']);
    expect(echoed).toMatchObject({ text: 'Tu pedido está listo', updatedAt: RECEIVED });
    expect(echoed?.statusHistory).toHaveLength(1);
    expect(sent).toMatchObject({ type: 'template', statusHistory: [{ status: MessageStatus.ACCEPTED }] });
    expect(sent).not.toHaveProperty('origin');
    expect(sent).not.toHaveProperty('text');
    await waitForEvents(published, 2);
    expect(published.map((event) => event.messageId)).toEqual(['wamid.E2', 'wamid.SENT']);
  });

  it('fills in a message first shown by its statuses, and follows the statuses after the echo', async () => {
    await harness.store.applyStatuses(
      [
        {
          messageId: 'wamid.E3',
          status: MessageStatus.SENT,
          timestamp: BASE,
          recipientId: '5491155550142',
          phoneNumberId: PHONE,
          errors: [],
        },
      ],
      RECEIVED,
    );
    const [filled] = await harness.store.recordEchoes([echo('wamid.E3')], RECEIVED + 1);
    expect(filled).toMatchObject({
      kind: 'applied',
      event: { status: MessageStatus.ACCEPTED, previousStatus: MessageStatus.SENT },
    });
    await harness.store.applyStatuses(
      [
        {
          messageId: 'wamid.E3',
          status: MessageStatus.READ,
          timestamp: BASE + 9_000,
          recipientId: '5491155550142',
          phoneNumberId: PHONE,
          errors: [],
        },
      ],
      RECEIVED + 10_000,
    );
    const [record] = await harness.store.getMany(['wamid.E3']);
    expect(record).toMatchObject({
      type: 'text',
      origin: MessageOrigin.BUSINESS_APP,
      text: 'Tu pedido está listo',
      status: MessageStatus.READ,
      createdAt: BASE,
    });
    expect(record?.statusHistory.map((entry) => entry.status)).toEqual([
      MessageStatus.SENT,
      MessageStatus.ACCEPTED,
      MessageStatus.READ,
    ]);
  });

  it('keeps an edit and a revoke as messages of their own, naming the message they change', async () => {
    const outcomes = await harness.store.recordEchoes(
      [
        echo('wamid.EDIT', {
          type: 'edit',
          text: 'Open until 19:00',
          originalMessageId: 'wamid.E1',
          timestamp: BASE + 60_000,
        }),
        echo('wamid.REVOKE', {
          type: 'revoke',
          text: undefined,
          originalMessageId: 'wamid.E1',
          timestamp: BASE + 61_000,
        }),
      ],
      BASE + 62_000,
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['applied', 'applied']);
    const [edit, revoke] = await harness.store.getMany(['wamid.EDIT', 'wamid.REVOKE']);
    expect(edit).toMatchObject({ type: 'edit', text: 'Open until 19:00', originalMessageId: 'wamid.E1' });
    expect(revoke).toMatchObject({ type: 'revoke', originalMessageId: 'wamid.E1' });
    expect(revoke).not.toHaveProperty('text');
  });
});

it('leaves the same echo records in both stores', async () => {
  const records: unknown[] = [];
  for (const [, open] of setups) {
    const harness = await open();
    try {
      await harness.store.applyStatuses(
        [
          {
            messageId: 'wamid.SAME.2',
            status: MessageStatus.DELIVERED,
            timestamp: BASE + 3_000,
            recipientUserId: 'AR.8802000000000142',
            phoneNumberId: PHONE,
            errors: [],
          },
        ],
        RECEIVED,
      );
      await harness.store.recordEchoes(
        [echo('wamid.SAME.1'), echo('wamid.SAME.2', { recipientParentUserId: 'AR.ENT.8802000000000001' })],
        RECEIVED + 1,
      );
      await harness.store.recordEchoes([echo('wamid.SAME.1')], RECEIVED + 2);
      records.push((await harness.store.getMany(['wamid.SAME.1', 'wamid.SAME.2'])).map(comparable));
    } finally {
      await harness.close();
    }
  }
  expect(records[1]).toEqual(records[0]);
});

function waitForEvents(events: readonly StatusChangeEvent[], count: number): Promise<boolean> {
  return waitFor(() => events.length >= count, `${count} published events`);
}
