import {
  type InboundMessageEvent,
  type InboundMessageRecord,
  InboundMessageType,
  type InboundStore,
} from '../../../src/conversations';

export interface InboundStoreHarness {
  store: InboundStore;
  close(): Promise<void>;
}

const PHONE_NUMBER_ID = '106540352242922';
const T = 1_761_000_000_000;

let customers = 0;

/** A customer no other test of the suite uses (the Redis store's indexes outlive one test's records). */
function newCustomer(): string {
  customers += 1;
  return `1650555${String(2000 + customers).padStart(4, '0')}`;
}

function message(
  waId: string,
  id: string,
  at: number,
  fields: Partial<InboundMessageRecord> & Pick<InboundMessageRecord, 'type' | 'rawType'>,
): InboundMessageRecord {
  return {
    id,
    phoneNumberId: PHONE_NUMBER_ID,
    from: { waId },
    timestamp: at,
    receivedAt: at + 400,
    errors: [],
    raw: { from: waId, id, timestamp: String(at / 1000), type: fields.rawType },
    ...fields,
  };
}

const text = (waId: string, id: string, at: number, body: string): InboundMessageRecord =>
  message(waId, id, at, { type: InboundMessageType.TEXT, rawType: 'text', text: body });

const photo = (waId: string, id: string, at: number, caption: string): InboundMessageRecord =>
  message(waId, id, at, {
    type: InboundMessageType.IMAGE,
    rawType: 'image',
    text: caption,
    media: { id: '1452093876210001', mimeType: 'image/jpeg', sha256: 'c2hhMQ==', caption },
  });

const edit = (
  waId: string,
  id: string,
  at: number,
  original: string,
  content: Partial<InboundMessageRecord>,
): InboundMessageRecord =>
  message(waId, id, at, { type: InboundMessageType.EDIT, rawType: 'edit', changes: original, ...content });

const revoke = (waId: string, id: string, at: number, original: string): InboundMessageRecord =>
  message(waId, id, at, { type: InboundMessageType.REVOKE, rawType: 'revoke', changes: original });

/**
 * What every inbound store does with a customer's edits and deletions: it keeps them as messages of their
 * own and shows the message they change as it now stands, in any arrival order, with the stored message
 * itself left as it arrived.
 */
export function defineInboundStoreContract(name: string, open: () => Promise<InboundStoreHarness>): void {
  describe(`${name} inbound store: edits and deletions`, () => {
    let harness: InboundStoreHarness;
    let store: InboundStore;
    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.close();
    });

    const one = async (id: string): Promise<InboundMessageRecord | null> => (await store.getMany([id]))[0]!;

    it('shows an edited message with the edit’s text and medium and when, everywhere it is read', async () => {
      const waId = newCustomer();
      const original = photo(waId, 'wamid.c.photo', T, 'The box arrived open');
      const change = edit(waId, 'wamid.c.photo.edit', T + 60_000, original.id, {
        text: 'The box arrived open and wet',
        media: {
          id: '1452093876210001',
          mimeType: 'image/jpeg',
          sha256: 'c2hhMQ==',
          caption: 'The box arrived open and wet',
        },
      });
      await store.record([original]);
      const [editEvent] = await store.record([change]);

      const edited = {
        ...original,
        text: 'The box arrived open and wet',
        media: { ...original.media, caption: 'The box arrived open and wet' },
        editedAt: T + 60_000,
      };
      expect(await one(original.id)).toStrictEqual(edited);
      // The edit is a message of its own, in the time line at its own time, and an event like any.
      expect(await store.listFrom([`+${waId}`], 10, null)).toStrictEqual([change, edited]);
      expect(editEvent?.message).toStrictEqual(change);
      expect(await one(change.id)).toStrictEqual(change);
    });

    it('counts an edit that arrived before its message, and only the latest of several edits', async () => {
      const waId = newCustomer();
      const original = text(waId, 'wamid.c.text', T, 'Order 1024 is late');
      const first = edit(waId, 'wamid.c.text.e1', T + 10_000, original.id, { text: 'Order 1042 is late' });
      const second = edit(waId, 'wamid.c.text.e2', T + 20_000, original.id, { text: 'Order 1042 arrived' });
      // Meta's deliveries can come in any order, and again.
      await store.record([second]);
      const [originalEvent] = await store.record([original]);
      await store.record([first, second]);

      const latest = { ...original, text: 'Order 1042 arrived', editedAt: T + 20_000 };
      expect(originalEvent?.message).toStrictEqual(latest);
      expect(await one(original.id)).toStrictEqual(latest);
      expect((await store.listFrom([`+${waId}`], 10, null)).map((m) => [m.id, m.text])).toEqual([
        [second.id, 'Order 1042 arrived'],
        [first.id, 'Order 1042 is late'],
        [original.id, 'Order 1042 arrived'],
      ]);
    });

    it('marks a deleted message with when, keeping its content and any edit', async () => {
      const waId = newCustomer();
      const original = text(waId, 'wamid.c.del', T, 'My card is 4111 1111');
      const fix = edit(waId, 'wamid.c.del.e', T + 5_000, original.id, { text: 'My card is …' });
      const removal = revoke(waId, 'wamid.c.del.r', T + 9_000, original.id);
      await store.record([original, fix]);
      const [removalEvent] = await store.record([removal]);
      expect(removalEvent?.message).toStrictEqual(removal);
      expect(await one(original.id)).toStrictEqual({
        ...original,
        text: 'My card is …',
        editedAt: T + 5_000,
        revokedAt: T + 9_000,
      });
    });

    it('keeps and lists an edit or deletion of a message it never stored', async () => {
      const waId = newCustomer();
      const change = edit(waId, 'wamid.c.lost.e', T, 'wamid.c.lost', { text: 'Corrected text' });
      const removal = revoke(waId, 'wamid.c.lost2.r', T + 1_000, 'wamid.c.lost2');
      await store.record([change, removal]);
      expect(await store.getMany(['wamid.c.lost', change.id, removal.id])).toStrictEqual([
        null,
        change,
        removal,
      ]);
      expect(await store.listFrom([`+${waId}`], 10, null)).toStrictEqual([removal, change]);
    });

    it('replays each event as the message stood when it was stored', async () => {
      const waId = newCustomer();
      const [marker] = await store.record([text(waId, 'wamid.c.replay.0', T, 'before')]);
      const original = text(waId, 'wamid.c.replay', T + 1_000, 'first words');
      const change = edit(waId, 'wamid.c.replay.e', T + 2_000, original.id, { text: 'second words' });
      await store.record([change]);
      await store.record([original]);
      const replayed = (await store.readEventsAfter(marker!.cursor, 10)).map(
        (event: InboundMessageEvent) => event.message,
      );
      expect(replayed).toStrictEqual([change, { ...original, text: 'second words', editedAt: T + 2_000 }]);
    });

    it('stores flow answers and call permission replies exactly, empty lists and objects included', async () => {
      const waId = newCustomer();
      const flow = message(waId, 'wamid.c.flow', T, {
        type: InboundMessageType.INTERACTIVE,
        rawType: 'interactive',
        reply: { kind: 'nfm_reply', id: 'flow', title: 'Sent' },
        text: 'Sent',
        flowReply: {
          name: 'flow',
          body: 'Sent',
          response: { flow_token: 'FT.1', sizes: [], extras: {}, rating: 4.5, note: null },
          flowToken: 'FT.1',
        },
        raw: { id: 'wamid.c.flow', interactive: { type: 'nfm_reply', nfm_reply: { options: [] } } },
      });
      const call = message(waId, 'wamid.c.call', T + 1_000, {
        type: InboundMessageType.INTERACTIVE,
        rawType: 'interactive',
        reply: { kind: 'call_permission_reply' },
        callPermissionReply: {
          response: 'accept',
          expiresAt: T + 604_800_000,
          source: 'user_action',
          isPermanent: false,
        },
      });
      const events = await store.record([flow, call]);
      expect(events.map((event) => event.message)).toStrictEqual([flow, call]);
      expect(await store.getMany([flow.id, call.id])).toStrictEqual([flow, call]);
    });
  });
}
