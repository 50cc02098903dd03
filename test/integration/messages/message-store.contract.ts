import {
  MessageStatus,
  type MessageRecord,
  type MessageStore,
  type NewMessage,
  type StatusBus,
  type StatusChangeEvent,
  type StatusUpdate,
} from '../../../src/messages';
import { SEQUENCE_BASE_MS, sequenceUpdate, STATUS_SEQUENCES } from '../../unit/messages/status-sequences';
import { waitFor } from '../../support/wait-for';
import {
  CursorAheadError,
  CursorExpiredError,
  InvalidCursorError,
  InvalidPageCursorError,
} from '../../../src/store-kit';

export interface ContractHarness {
  store: MessageStore;
  bus: StatusBus;
  /**
   * A partitioned store's partition of a wamid (each partition has its own stream and trims it alone).
   * Omitted: one partition.
   */
  partitionOf?: (messageId: string) => number;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** When set, the stream keeps exactly this many events (trimmed exactly). */
  streamMaxLength?: number;
}

const PHONE_A = '106540352242922';
const PHONE_B = '106540352242999';

function newMessage(id: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id,
    phoneNumberId: PHONE_A,
    recipient: '+16505551234',
    waId: '16505551234',
    type: 'text',
    status: MessageStatus.ACCEPTED,
    createdAt: SEQUENCE_BASE_MS,
    ...overrides,
  };
}

function update(
  id: string,
  status: MessageStatus,
  at: number,
  errors: StatusUpdate['errors'] = [],
): StatusUpdate {
  return { ...sequenceUpdate(id, { status, at }), errors };
}

/** An event without its cursor: a partitioned bus hands out cursors of its own (one position per partition). */
function withoutCursor(event: StatusChangeEvent): Omit<StatusChangeEvent, 'cursor'> {
  const { cursor: _cursor, ...rest } = event;
  return rest;
}

function applied(outcomes: Array<{ kind: string; event?: StatusChangeEvent }>): StatusChangeEvent[] {
  return outcomes.flatMap((o) => (o.kind === 'applied' && o.event !== undefined ? [o.event] : []));
}

/** The behaviour every `MessageStore` + `StatusBus` pair must show, whatever backs it. */
/** What a store does beyond the contract's common ground. */
export interface StoreTraits {
  /**
   * Reads the customer's last inbound time in the step that stores a send. Default true; a partitioned
   * Redis Cluster store cannot (the key lives in another slot) and leaves it undefined.
   */
  readsWindowWithSend?: boolean;
}

export function defineMessageStoreContract(
  name: string,
  open: (options: ContractOptions) => Promise<ContractHarness>,
  traits: StoreTraits = {},
): void {
  const readsWindowWithSend = traits.readsWindowWithSend ?? true;
  describe(`MessageStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: MessageStore;
    const extra: ContractHarness[] = [];

    beforeEach(async () => {
      harness = await open({});
      store = harness.store;
    });

    afterEach(async () => {
      await harness.close();
      for (const h of extra.splice(0)) await h.close();
    });

    async function openExtra(options: ContractOptions): Promise<ContractHarness> {
      const h = await open(options);
      extra.push(h);
      return h;
    }

    it(
      readsWindowWithSend
        ? 'reads with a send when its customer last wrote to the sending number'
        : 'leaves a send’s service window to be looked up on its own',
      async () => {
        await store.recordInbound('16505551234', PHONE_A, SEQUENCE_BASE_MS - 5_000);
        await store.recordInbound('16505551234', PHONE_B, SEQUENCE_BASE_MS - 1_000);
        await store.recordInbound('US.13491208655302741918', PHONE_A, SEQUENCE_BASE_MS - 2_000);
        const wrote = await store.recordSent(newMessage('wamid.window.a'), SEQUENCE_BASE_MS);
        expect(wrote.customerLastInboundAt).toBe(readsWindowWithSend ? SEQUENCE_BASE_MS - 5_000 : undefined);
        const silent = await store.recordSent(
          newMessage('wamid.window.b', { recipient: '+16505559876', waId: '16505559876' }),
          SEQUENCE_BASE_MS,
        );
        expect(silent.customerLastInboundAt).toBe(readsWindowWithSend ? null : undefined);
        const byUserId = await store.recordSent(
          newMessage('wamid.window.c', {
            recipient: undefined,
            waId: undefined,
            recipientUserId: 'US.13491208655302741918',
          }),
          SEQUENCE_BASE_MS,
        );
        expect(byUserId.customerLastInboundAt).toBe(
          readsWindowWithSend ? SEQUENCE_BASE_MS - 2_000 : undefined,
        );
        expect(await store.lastInboundAt('16505551234', PHONE_A)).toBe(SEQUENCE_BASE_MS - 5_000);
      },
    );

    it('records a send and returns its first event and the stored record', async () => {
      const { event, record: stored } = await store.recordSent(
        newMessage('wamid.send'),
        SEQUENCE_BASE_MS + 50,
      );
      expect(event).toEqual({
        cursor: expect.stringMatching(/^\d+-\d+$/),
        messageId: 'wamid.send',
        phoneNumberId: PHONE_A,
        recipient: '+16505551234',
        status: MessageStatus.ACCEPTED,
        previousStatus: null,
        effectiveStatus: MessageStatus.ACCEPTED,
        timestamp: SEQUENCE_BASE_MS,
        receivedAt: SEQUENCE_BASE_MS + 50,
        errors: [],
      });
      const [record] = await store.getMany(['wamid.send']);
      expect(record).toEqual({
        id: 'wamid.send',
        phoneNumberId: PHONE_A,
        recipient: '+16505551234',
        waId: '16505551234',
        type: 'text',
        createdAt: SEQUENCE_BASE_MS,
        status: MessageStatus.ACCEPTED,
        conflict: false,
        statusHistory: [
          {
            status: MessageStatus.ACCEPTED,
            timestamp: SEQUENCE_BASE_MS,
            receivedAt: SEQUENCE_BASE_MS + 50,
            errors: [],
            cursor: event.cursor,
          },
        ],
        errors: [],
        updatedAt: SEQUENCE_BASE_MS + 50,
      });
      expect(stored).toEqual(record);
    });

    it('records a send to a business-scoped user id: the BSUID kept, no number, listed by the BSUID', async () => {
      const bsuid = 'US.13491208655302741918';
      const { recipient: _recipient, waId: _waId, ...rest } = newMessage('wamid.bsuid');
      const { record: stored } = await store.recordSent(
        { ...rest, recipientUserId: bsuid },
        SEQUENCE_BASE_MS + 50,
      );
      const [record] = await store.getMany(['wamid.bsuid']);
      expect(record).toEqual(stored);
      expect(record).toMatchObject({
        id: 'wamid.bsuid',
        recipientUserId: bsuid,
        status: MessageStatus.ACCEPTED,
      });
      expect(record).not.toHaveProperty('recipient');
      expect(record).not.toHaveProperty('waId');
      const page = await store.list({ recipient: bsuid }, 10, null);
      expect(page.records.map((r) => r.id)).toEqual(['wamid.bsuid']);
    });

    it('merges a send into the record a webhook made first: its history kept, the send’s facts taken', async () => {
      const [delivered] = await store.applyStatuses(
        [{ ...update('wamid.late', MessageStatus.DELIVERED, 2), recipientId: '16505551234' }],
        SEQUENCE_BASE_MS + 3000,
      );
      if (delivered?.kind !== 'applied') throw new Error('the webhook must apply');
      const { event, record: stored } = await store.recordSent(
        newMessage('wamid.late', { type: 'image' }),
        SEQUENCE_BASE_MS + 4000,
      );
      const [record] = await store.getMany(['wamid.late']);
      expect(stored).toEqual(record);
      expect(record).toMatchObject({
        type: 'image',
        createdAt: SEQUENCE_BASE_MS,
        recipient: '+16505551234',
        status: MessageStatus.DELIVERED,
      });
      expect(record?.statusHistory.map((h) => [h.status, h.cursor])).toEqual([
        [MessageStatus.ACCEPTED, event.cursor],
        [MessageStatus.DELIVERED, delivered.event.cursor],
      ]);
      expect(event).toMatchObject({
        previousStatus: MessageStatus.DELIVERED,
        effectiveStatus: MessageStatus.DELIVERED,
      });
    });

    it('keeps the parent BSUID Meta named, and a group’s latest participant whole', async () => {
      const group = (at: number, participant: Partial<StatusUpdate>): StatusUpdate => ({
        ...update('wamid.group.ids', MessageStatus.READ, at),
        recipientId: '120363049182736451',
        recipientType: 'group',
        ...participant,
      });
      await store.applyStatuses(
        [
          {
            ...update('wamid.parent', MessageStatus.DELIVERED, 1),
            recipientId: '5511987654321',
            recipientUserId: 'BR.20394857610293847',
            recipientParentUserId: 'BR.ENT.55501928374650192',
          },
          group(1, {
            recipientParticipantId: '5511912345678',
            recipientParticipantUserId: 'BR.77129384756102938',
            recipientParticipantParentUserId: 'BR.ENT.66610293847561029',
          }),
        ],
        SEQUENCE_BASE_MS + 2000,
      );
      const [parent, first] = await store.getMany(['wamid.parent', 'wamid.group.ids']);
      expect(parent).toMatchObject({ recipientParentUserId: 'BR.ENT.55501928374650192' });
      expect(first).toMatchObject({
        groupId: '120363049182736451',
        recipientParticipantId: '5511912345678',
        recipientParticipantUserId: 'BR.77129384756102938',
        recipientParticipantParentUserId: 'BR.ENT.66610293847561029',
      });

      // Another participant, known by BSUID only: nothing of the first one stays beside it.
      await store.applyStatuses(
        [group(2, { recipientParticipantUserId: 'BR.88830192837465019' })],
        SEQUENCE_BASE_MS + 3000,
      );
      const [second] = await store.getMany(['wamid.group.ids']);
      expect(second).toMatchObject({ recipientParticipantUserId: 'BR.88830192837465019' });
      expect(second).not.toHaveProperty('recipientParticipantId');
      expect(second).not.toHaveProperty('recipientParticipantParentUserId');
      expect(second?.statusHistory).toHaveLength(2);
    });

    it('answers a repeated send with the event it stored the first time', async () => {
      const { event: first } = await store.recordSent(newMessage('wamid.twice'), SEQUENCE_BASE_MS + 1);
      const { event: again } = await store.recordSent(newMessage('wamid.twice'), SEQUENCE_BASE_MS + 2);
      expect(again.cursor).toBe(first.cursor);
      expect(await store.readEventsAfter(first.cursor, 10)).toEqual([]);
    });

    describe('applies the status sequences like the pure rules', () => {
      it.each(STATUS_SEQUENCES.map((s) => [s.name, s] as const))('%s', async (_name, sequence) => {
        const id = 'wamid.seq';
        if (sequence.sent) await store.recordSent(newMessage(id), SEQUENCE_BASE_MS);
        // Half the steps in one batch, the rest one by one: both paths must give the same result.
        const half = Math.ceil(sequence.steps.length / 2);
        const outcomes = await store.applyStatuses(
          sequence.steps.slice(0, half).map((s) => sequenceUpdate(id, s)),
          SEQUENCE_BASE_MS + 9000,
        );
        for (const step of sequence.steps.slice(half)) {
          outcomes.push(...(await store.applyStatuses([sequenceUpdate(id, step)], SEQUENCE_BASE_MS + 9000)));
        }
        expect(outcomes.map((o) => o.kind === 'applied')).toEqual(sequence.expected.applied);
        const [record] = await store.getMany([id]);
        expect(record).not.toBeNull();
        const final = record as MessageRecord;
        expect(final.status).toBe(sequence.expected.status);
        expect(final.conflict).toBe(sequence.expected.conflict);
        expect(final.statusHistory.map((h) => h.status)).toEqual(sequence.expected.history);
        expect(final.errors.map((e) => e.code)).toEqual(sequence.expected.errorCodes);
        const lastEvent = applied(outcomes).pop();
        if (lastEvent !== undefined) expect(lastEvent.effectiveStatus).toBe(sequence.expected.status);
      });
    });

    it('drops a duplicate without an event', async () => {
      await store.recordSent(newMessage('wamid.dup'), SEQUENCE_BASE_MS);
      const [first] = await store.applyStatuses(
        [update('wamid.dup', MessageStatus.DELIVERED, 2)],
        SEQUENCE_BASE_MS + 10,
      );
      if (first.kind !== 'applied') throw new Error('the first delivered must apply');
      const again = await store.applyStatuses(
        [update('wamid.dup', MessageStatus.DELIVERED, 2), update('wamid.dup', MessageStatus.DELIVERED, 2)],
        SEQUENCE_BASE_MS + 20,
      );
      expect(again).toEqual([{ kind: 'duplicate' }, { kind: 'duplicate' }]);
      expect(await store.readEventsAfter(first.event.cursor, 10)).toEqual([]);
      const [record] = await store.getMany(['wamid.dup']);
      expect(record?.statusHistory).toHaveLength(2);
    });

    it('keeps the full history with Meta timestamps, receive times, errors and cursors', async () => {
      const failure = { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' };
      const outcomes = await store.applyStatuses(
        [
          update('wamid.hist', MessageStatus.DELIVERED, 5),
          update('wamid.hist', MessageStatus.FAILED, 4, [failure]),
        ],
        SEQUENCE_BASE_MS + 7000,
      );
      const events = applied(outcomes);
      const [record] = await store.getMany(['wamid.hist']);
      expect(record?.statusHistory).toEqual([
        {
          status: MessageStatus.FAILED,
          timestamp: SEQUENCE_BASE_MS + 4000,
          receivedAt: SEQUENCE_BASE_MS + 7000,
          errors: [failure],
          cursor: events[1].cursor,
        },
        {
          status: MessageStatus.DELIVERED,
          timestamp: SEQUENCE_BASE_MS + 5000,
          receivedAt: SEQUENCE_BASE_MS + 7000,
          errors: [],
          cursor: events[0].cursor,
        },
      ]);
      expect(record?.errors).toEqual([failure]);
      expect(record?.conflict).toBe(true);
      expect(events[1]).toMatchObject({
        status: MessageStatus.FAILED,
        previousStatus: MessageStatus.DELIVERED,
        effectiveStatus: MessageStatus.DELIVERED,
        errors: [failure],
      });
    });

    it('keeps the latest non-empty conversation and pricing', async () => {
      await store.applyStatuses(
        [
          {
            ...update('wamid.price', MessageStatus.SENT, 1),
            conversation: { id: 'conv-1', expiresAt: SEQUENCE_BASE_MS + 86_400_000, originType: 'utility' },
          },
          {
            ...update('wamid.price', MessageStatus.DELIVERED, 2),
            pricing: { billable: true, pricingModel: 'PMP', category: 'utility', type: 'regular' },
          },
          { ...update('wamid.price', MessageStatus.READ, 3), conversation: {} },
        ],
        SEQUENCE_BASE_MS + 5000,
      );
      const [record] = await store.getMany(['wamid.price']);
      expect(record?.conversation).toEqual({
        id: 'conv-1',
        expiresAt: SEQUENCE_BASE_MS + 86_400_000,
        originType: 'utility',
      });
      expect(record?.pricing).toEqual({
        billable: true,
        pricingModel: 'PMP',
        category: 'utility',
        type: 'regular',
      });
    });

    it('creates the record of an unknown wamid from the webhook and lists it', async () => {
      await store.applyStatuses(
        [update('wamid.unknown', MessageStatus.DELIVERED, 2)],
        SEQUENCE_BASE_MS + 2500,
      );
      const [record] = await store.getMany(['wamid.unknown']);
      expect(record).toMatchObject({
        id: 'wamid.unknown',
        recipient: '+16505551234',
        waId: '16505551234',
        type: 'unknown',
        status: MessageStatus.DELIVERED,
        createdAt: SEQUENCE_BASE_MS + 2000,
      });
      const page = await store.list({ recipient: '+16505551234' }, 10, null);
      expect(page.records.map((r) => r.id)).toEqual(['wamid.unknown']);
    });

    describe('a status whose timestamp cannot be a real time (docs/reliability.md, case 51)', () => {
      const receivedAt = SEQUENCE_BASE_MS + 60_000;
      const statusAt = (id: string, timestamp: number): StatusUpdate => ({
        ...update(id, MessageStatus.SENT, 0),
        timestamp,
      });
      const listed = async (): Promise<string[]> =>
        (await store.list({ phoneNumberId: PHONE_A }, 10, null)).records.map((r) => r.id);

      beforeEach(async () => {
        // Two sends a minute before the odd statuses arrive; the list is newest first.
        await store.recordSent(newMessage('wamid.t1', { createdAt: SEQUENCE_BASE_MS }), SEQUENCE_BASE_MS);
        await store.recordSent(
          newMessage('wamid.t2', { createdAt: SEQUENCE_BASE_MS + 1000 }),
          SEQUENCE_BASE_MS + 1000,
        );
      });

      it.each([
        ['before 2009', Date.UTC(2008, 11, 31, 23, 59, 59)],
        ['at 0 (1970)', 0],
        ['more than a day ahead', receivedAt + 24 * 3600 * 1000 + 1000],
        ['years ahead', Date.UTC(2099, 0, 1)],
      ])(
        '%s: kept in the history, createdAt is its arrival, the list order follows',
        async (_, timestamp) => {
          const outcomes = await store.applyStatuses([statusAt('wamid.odd', timestamp)], receivedAt);
          expect(outcomes.map((o) => o.kind)).toEqual(['applied']);
          const [record] = await store.getMany(['wamid.odd']);
          expect(record?.statusHistory.map((h) => h.timestamp)).toEqual([timestamp]);
          expect(record?.createdAt).toBe(receivedAt);
          expect(await listed()).toEqual(['wamid.odd', 'wamid.t2', 'wamid.t1']);
          // A later, ordinary status changes neither.
          await store.applyStatuses(
            [update('wamid.odd', MessageStatus.DELIVERED, 70)],
            SEQUENCE_BASE_MS + 71_000,
          );
          const [after] = await store.getMany(['wamid.odd']);
          expect(after?.createdAt).toBe(receivedAt);
          expect(after?.statusHistory).toHaveLength(2);
          expect(await listed()).toEqual(['wamid.odd', 'wamid.t2', 'wamid.t1']);
        },
      );

      it('a timestamp less than a day ahead (clock skew) is still believed', async () => {
        const skewed = receivedAt + 23 * 3600 * 1000;
        await store.applyStatuses([statusAt('wamid.skew', skewed)], receivedAt);
        const [record] = await store.getMany(['wamid.skew']);
        expect(record?.createdAt).toBe(skewed);
      });

      it('an ordinary old timestamp (after 2009) still becomes createdAt and sorts the message down', async () => {
        await store.applyStatuses([statusAt('wamid.late', SEQUENCE_BASE_MS - 1000)], receivedAt);
        const [record] = await store.getMany(['wamid.late']);
        expect(record?.createdAt).toBe(SEQUENCE_BASE_MS - 1000);
        expect(await listed()).toEqual(['wamid.t2', 'wamid.t1', 'wamid.late']);
      });
    });

    it('getMany answers aligned with the ids, null for unknown ones', async () => {
      await store.recordSent(newMessage('wamid.g1'), SEQUENCE_BASE_MS);
      await store.recordSent(newMessage('wamid.g2'), SEQUENCE_BASE_MS);
      const records = await store.getMany(['wamid.g2', 'wamid.nope', 'wamid.g1', 'wamid.g2']);
      expect(records.map((r) => r?.id ?? null)).toEqual(['wamid.g2', null, 'wamid.g1', 'wamid.g2']);
      expect(await store.getMany([])).toEqual([]);
    });

    it('returns copies: changing a result does not change the store', async () => {
      await store.recordSent(newMessage('wamid.copy'), SEQUENCE_BASE_MS);
      const [record] = await store.getMany(['wamid.copy']);
      (record as MessageRecord).statusHistory.push({ ...(record as MessageRecord).statusHistory[0] });
      (record as MessageRecord).status = MessageStatus.READ;
      const [again] = await store.getMany(['wamid.copy']);
      expect(again?.status).toBe(MessageStatus.ACCEPTED);
      expect(again?.statusHistory).toHaveLength(1);
    });

    describe('list', () => {
      // 25 messages, one second apart, over two phone numbers and three recipients; three share a createdAt
      // so that ties are paged in id order.
      const recipients = ['+16505550001', '+16505550002', '+16505550003'];
      const ids = Array.from({ length: 25 }, (_, i) => `wamid.L${String(i).padStart(2, '0')}`);
      const createdAt = (i: number): number => SEQUENCE_BASE_MS + (i >= 10 && i <= 12 ? 10 : i) * 1000;

      beforeEach(async () => {
        for (const [i, id] of ids.entries()) {
          await store.recordSent(
            newMessage(id, {
              phoneNumberId: i % 2 === 0 ? PHONE_A : PHONE_B,
              recipient: recipients[i % 3],
              waId: recipients[i % 3].slice(1),
              createdAt: createdAt(i),
            }),
            createdAt(i) + 1,
          );
        }
        await store.applyStatuses(
          ids
            .map((id, i) => ({ id, i }))
            .filter(({ i }) => i % 5 === 0)
            .map(({ id, i }) => ({
              ...update(id, MessageStatus.FAILED, i + 1, [{ code: 131026 }]),
              phoneNumberId: i % 2 === 0 ? PHONE_A : PHONE_B,
              recipientId: recipients[i % 3].slice(1),
            })),
          SEQUENCE_BASE_MS + 60_000,
        );
      });

      const expectedOrder = (keep: (i: number) => boolean): string[] =>
        ids
          .map((id, i) => ({ id, i }))
          .filter(({ i }) => keep(i))
          .sort((a, b) => createdAt(b.i) - createdAt(a.i) || (a.id < b.id ? 1 : -1))
          .map(({ id }) => id);

      async function pageAll(filter: Parameters<MessageStore['list']>[0], size: number): Promise<string[][]> {
        const pages: string[][] = [];
        let after: string | null = null;
        for (;;) {
          const page = await store.list(filter, size, after);
          pages.push(page.records.map((r) => r.id));
          if (!page.hasNextPage) {
            expect(page.endCursor).toBeNull();
            return pages;
          }
          expect(page.endCursor).not.toBeNull();
          after = page.endCursor;
          if (pages.length > 50) throw new Error('paging did not end');
        }
      }

      it('pages newest first by 10 over 25 messages', async () => {
        const pages = await pageAll({}, 10);
        expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
        expect(pages.flat()).toEqual(expectedOrder(() => true));
      });

      it('pages through ties on createdAt without gaps or repeats', async () => {
        const pages = await pageAll({}, 1);
        expect(pages.flat()).toEqual(expectedOrder(() => true));
      });

      it('filters by status', async () => {
        const pages = await pageAll({ status: [MessageStatus.FAILED] }, 2);
        expect(pages.flat()).toEqual(expectedOrder((i) => i % 5 === 0));
        const both = await store.list({ status: [MessageStatus.FAILED, MessageStatus.ACCEPTED] }, 100, null);
        expect(both.records).toHaveLength(25);
      });

      it('filters by recipient', async () => {
        const page = await store.list({ recipient: recipients[1] }, 100, null);
        expect(page.records.map((r) => r.id)).toEqual(expectedOrder((i) => i % 3 === 1));
        expect(page.hasNextPage).toBe(false);
      });

      it('filters by sender phone number id', async () => {
        const pages = await pageAll({ phoneNumberId: PHONE_B }, 4);
        expect(pages.flat()).toEqual(expectedOrder((i) => i % 2 === 1));
      });

      it('filters by time range, inclusive', async () => {
        const page = await store.list({ from: createdAt(5), to: createdAt(9) }, 100, null);
        expect(page.records.map((r) => r.id)).toEqual(expectedOrder((i) => i >= 5 && i <= 9));
      });

      it('combines filters', async () => {
        const filter = {
          recipient: recipients[0],
          phoneNumberId: PHONE_A,
          status: [MessageStatus.FAILED],
          from: createdAt(1),
        };
        const page = await store.list(filter, 100, null);
        expect(page.records.map((r) => r.id)).toEqual(
          expectedOrder((i) => i % 3 === 0 && i % 2 === 0 && i % 5 === 0 && createdAt(i) >= createdAt(1)),
        );
      });

      it('returns an empty last page for a filter nothing matches', async () => {
        expect(await store.list({ recipient: '+4915100000000' }, 10, null)).toEqual({
          records: [],
          endCursor: null,
          hasNextPage: false,
        });
      });

      it('refuses a cursor it did not produce', async () => {
        await expect(store.list({}, 10, 'not-a-cursor')).rejects.toBeInstanceOf(InvalidPageCursorError);
      });
    });

    it('remembers the latest inbound time per customer and number', async () => {
      expect(await store.lastInboundAt('16505551234', PHONE_A)).toBeNull();
      await store.recordInbound('16505551234', PHONE_A, SEQUENCE_BASE_MS + 5000);
      await store.recordInbound('16505551234', PHONE_A, SEQUENCE_BASE_MS + 1000);
      await store.recordInbound('16505551234', PHONE_B, SEQUENCE_BASE_MS + 9000);
      expect(await store.lastInboundAt('16505551234', PHONE_A)).toBe(SEQUENCE_BASE_MS + 5000);
      expect(await store.lastInboundAt('16505551234', PHONE_B)).toBe(SEQUENCE_BASE_MS + 9000);
      expect(await store.lastInboundAt('16505559999', PHONE_A)).toBeNull();
    });

    it('reads events after a cursor, in order, at most limit', async () => {
      const { event: start } = await store.recordSent(newMessage('wamid.ev'), SEQUENCE_BASE_MS);
      const outcomes = await store.applyStatuses(
        [MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ].map((s, i) =>
          update('wamid.ev', s, i + 1),
        ),
        SEQUENCE_BASE_MS + 5000,
      );
      const events = applied(outcomes);
      expect(await store.readEventsAfter(start.cursor, 10)).toEqual(events);
      expect(await store.readEventsAfter(start.cursor, 2)).toEqual(events.slice(0, 2));
      expect(await store.readEventsAfter(events[0].cursor, 10)).toEqual(events.slice(1));
      expect(await store.readEventsAfter(events[2].cursor, 10)).toEqual([]);
      expect(await store.readEventsAfter('0-0', 100)).toEqual([start, ...events]);
    });

    it('refuses a malformed event cursor', async () => {
      await store.recordSent(newMessage('wamid.bad'), SEQUENCE_BASE_MS);
      for (const bad of ['', 'abc', '12-', '-1', '1-2-3', '1.5-0']) {
        await expect(store.readEventsAfter(bad, 10)).rejects.toBeInstanceOf(InvalidCursorError);
      }
    });

    it('says a cursor is expired once the stream trimmed what followed it', async () => {
      const small = await openExtra({ streamMaxLength: 5 });
      // Twelve messages of one partition: they share one stream.
      const partitionOf = small.partitionOf ?? (() => 0);
      const ids = Array.from({ length: 500 }, (_, i) => `wamid.trim${i}`)
        .filter((id) => partitionOf(id) === partitionOf('wamid.trim0'))
        .slice(0, 12);
      const outcomes = await small.store.applyStatuses(
        ids.map((id) => update(id, MessageStatus.SENT, 1)),
        SEQUENCE_BASE_MS + 2000,
      );
      const events = applied(outcomes);
      expect(events).toHaveLength(12);
      const error = await small.store.readEventsAfter(events[0].cursor, 100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CursorExpiredError);
      expect((error as CursorExpiredError).oldestKept).toBe(events[7].cursor);
      // A cursor older than the oldest kept event is expired, even the one just before it: the stream
      // cannot tell whether something was trimmed in between.
      await expect(small.store.readEventsAfter(events[6].cursor, 100)).rejects.toBeInstanceOf(
        CursorExpiredError,
      );
      expect(await small.store.readEventsAfter(events[7].cursor, 100)).toEqual(events.slice(8));
      expect(await small.store.readEventsAfter(events[11].cursor, 100)).toEqual([]);
    });

    it('refuses a cursor ahead of the newest event (docs/reliability.md, case 42): nothing would ever follow it', async () => {
      const { event } = await store.recordSent(newMessage('wamid.ahead'), SEQUENCE_BASE_MS);
      const error = await store.readEventsAfter('99999999999999-0', 10).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CursorAheadError);
      expect((error as Error).message).toContain('99999999999999-0');
      // The newest event itself is a fine place to resume from.
      expect(await store.readEventsAfter(event.cursor, 10)).toEqual([]);
    });

    it('hands listeners each event with the message as it stands after it', async () => {
      const received: Array<{ event: StatusChangeEvent; message: MessageRecord | null }> = [];
      const unsubscribe = await harness.bus.subscribe((event, message) => received.push({ event, message }));
      await harness.bus.ping();
      const { record: afterSend } = await store.recordSent(newMessage('wamid.carried'), SEQUENCE_BASE_MS);
      await store.applyStatuses(
        [update('wamid.carried', MessageStatus.DELIVERED, 2)],
        SEQUENCE_BASE_MS + 3000,
      );
      await waitFor(() => received.length >= 2, 'two events on the bus');
      unsubscribe();
      const [stored] = await store.getMany(['wamid.carried']);
      expect(received.map(({ message }) => message?.status)).toEqual([
        MessageStatus.ACCEPTED,
        MessageStatus.DELIVERED,
      ]);
      expect(received[0]!.message).toEqual(afterSend);
      expect(received[1]!.message).toEqual(stored);
    });

    it('delivers applied events on the bus, and nothing for duplicates', async () => {
      const received: StatusChangeEvent[] = [];
      const unsubscribe = await harness.bus.subscribe((e) => received.push(e));
      await harness.bus.ping();
      const { event: sent } = await store.recordSent(newMessage('wamid.bus'), SEQUENCE_BASE_MS);
      const first = applied(
        await store.applyStatuses([update('wamid.bus', MessageStatus.DELIVERED, 2)], SEQUENCE_BASE_MS + 3000),
      );
      await store.applyStatuses([update('wamid.bus', MessageStatus.DELIVERED, 2)], SEQUENCE_BASE_MS + 4000);
      const last = applied(
        await store.applyStatuses([update('wamid.bus', MessageStatus.READ, 3)], SEQUENCE_BASE_MS + 5000),
      );
      await waitFor(() => received.length >= 3, 'three events on the bus');
      const stored = [sent, ...first, ...last];
      expect(received.map(withoutCursor)).toEqual(stored.map(withoutCursor));
      // Whatever form the bus's cursors take, resuming from one gives exactly what followed it.
      for (const [i, event] of received.entries()) {
        const replay = await store.readEventsAfter(event.cursor, 10);
        expect(replay.map(withoutCursor)).toEqual(stored.slice(i + 1).map(withoutCursor));
      }
      unsubscribe();
      await store.applyStatuses([update('wamid.bus', MessageStatus.PLAYED, 4)], SEQUENCE_BASE_MS + 6000);
      const probe: StatusChangeEvent[] = [];
      const stopProbe = await harness.bus.subscribe((e) => probe.push(e));
      await store.applyStatuses([update('wamid.bus2', MessageStatus.SENT, 1)], SEQUENCE_BASE_MS + 7000);
      await waitFor(() => probe.length >= 1, 'the probe event');
      stopProbe();
      expect(received).toHaveLength(3);
    });

    it('keeps delivering to the other listeners when one throws', async () => {
      const received: StatusChangeEvent[] = [];
      await harness.bus.subscribe(() => {
        throw new Error('listener failure');
      });
      await harness.bus.subscribe((e) => received.push(e));
      const { event } = await store.recordSent(newMessage('wamid.throw'), SEQUENCE_BASE_MS);
      await waitFor(() => received.length === 1, 'the event at the healthy listener');
      expect(received.map(withoutCursor)).toEqual([withoutCursor(event)]);
    });

    it('refuses to subscribe once closed', async () => {
      await harness.bus.close();
      await expect(harness.bus.subscribe(() => undefined)).rejects.toThrow(/closed/);
      await expect(harness.bus.ping()).rejects.toThrow(/closed/);
    });
  });
}
