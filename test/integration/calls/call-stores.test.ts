import { type Redis } from 'ioredis';
import {
  CallEventKind,
  type CallEventRecord,
  type CallStore,
  decodePublishedCallEvent,
  MemoryCallStore,
  type NewCallEvent,
  RedisCallStore,
} from '../../../src/calls';
import { createSilentLogger } from '../../../src/observability';
import { connectRedis, deleteKeys, randomKeyPrefix, waitFor } from '../webhooks/webhook-store-setups';
import { CursorAheadError, InvalidCursorError, RedisChannel } from '../../../src/store-kit';

const PHONE = '106540352242922';
const T = Date.UTC(2025, 9, 23, 12, 0, 0);

interface Harness {
  calls: CallStore;
  /** Starts listening to what the store publishes. */
  listen(listener: (event: CallEventRecord) => void): Promise<() => void>;
  close(): Promise<void>;
}

const setups: Array<[string, () => Promise<Harness>]> = [
  [
    'memory',
    async () => {
      const calls = new MemoryCallStore();
      return { calls, listen: (listener) => calls.listen(listener), close: async () => undefined };
    },
  ],
  [
    'Redis',
    async () => {
      const keyPrefix = randomKeyPrefix('calls');
      const command: Redis = await connectRedis(6379);
      const subscriber: Redis = await connectRedis(6379);
      const calls = new RedisCallStore(command, { keyPrefix });
      const channel = new RedisChannel(
        subscriber,
        calls.channel,
        decodePublishedCallEvent,
        createSilentLogger(),
      );
      return {
        calls,
        listen: (listener) => channel.listen(listener),
        async close() {
          await deleteKeys(command, keyPrefix);
          await Promise.all([command.quit(), subscriber.quit()]);
        },
      };
    },
  ],
];

function callEvent(
  callId: string,
  kind: CallEventKind,
  word: string,
  at: number,
  customer: NewCallEvent['customer'] = { waId: '5491155550142', userId: 'AR.8802000000000142' },
): NewCallEvent {
  const raw = {
    id: callId,
    event: word.toLowerCase(),
    timestamp: String(at / 1000),
    session: { sdp: 'v=0' },
    list: [],
  };
  return {
    id: `${callId}|${kind}|${word}|${at}`,
    callId,
    phoneNumberId: PHONE,
    customer,
    kind,
    ...(kind === CallEventKind.STATUS ? { status: word } : { event: word.toLowerCase() }),
    direction: 'USER_INITIATED',
    timestamp: at,
    receivedAt: at + 500,
    errors: kind === CallEventKind.TERMINATE ? [{ code: 12455, title: 'Call failed' }] : [],
    raw,
  };
}

describe.each(setups)('the %s call store', (_name, open) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await open();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('stores each event once, publishes it with its cursor, and replays it after a cursor', async () => {
    const published: CallEventRecord[] = [];
    const stop = await harness.listen((event) => published.push(event));
    const connect = callEvent('wacid.A', CallEventKind.CONNECT, 'connect', T);
    const terminate = callEvent('wacid.A', CallEventKind.TERMINATE, 'terminate', T + 60_000);
    const stored = await harness.calls.record([connect, terminate]);
    expect(stored).toEqual([
      { ...connect, cursor: expect.stringMatching(/^\d+-\d+$/) },
      { ...terminate, cursor: expect.stringMatching(/^\d+-\d+$/) },
    ]);
    // Meta's redelivery: nothing new is kept or published.
    expect(await harness.calls.record([terminate])).toEqual([]);
    await waitFor(() => published.length >= 2, 'both events published');
    expect(published).toEqual(stored);

    expect(await harness.calls.readEventsAfter('0-0', 10)).toEqual(stored);
    expect(await harness.calls.readEventsAfter(stored[0]!.cursor, 10)).toEqual([stored[1]]);
    await expect(harness.calls.readEventsAfter('99999999999999-0', 10)).rejects.toBeInstanceOf(
      CursorAheadError,
    );
    await expect(harness.calls.readEventsAfter('yesterday', 10)).rejects.toBeInstanceOf(InvalidCursorError);
    stop();
  });

  it('lists a customer’s events newest first under either name, page by page', async () => {
    const events = [
      callEvent('wacid.B', CallEventKind.STATUS, 'RINGING', T + 1_000),
      callEvent('wacid.B', CallEventKind.STATUS, 'ACCEPTED', T + 1_000),
      callEvent('wacid.B', CallEventKind.TERMINATE, 'terminate', T + 9_000),
      callEvent('wacid.C', CallEventKind.CONNECT, 'connect', T + 5_000, { userId: 'AR.8802000000000142' }),
      callEvent('wacid.D', CallEventKind.CONNECT, 'connect', T + 7_000, { waId: '5491155550999' }),
    ];
    await harness.calls.record(events);
    const newestFirst = [
      'wacid.B|TERMINATE',
      'wacid.C|CONNECT',
      'wacid.B|STATUS|RINGING',
      'wacid.B|STATUS|ACCEPTED',
    ];
    const ids = (list: CallEventRecord[]) =>
      list.map((event) =>
        event.id
          .split('|')
          .slice(0, event.kind === CallEventKind.STATUS ? 3 : 2)
          .join('|'),
      );

    for (const names of [['+5491155550142', 'AR.8802000000000142'], ['AR.8802000000000142']]) {
      expect(ids(await harness.calls.listFor(names, 10, null))).toEqual(newestFirst);
    }
    // Only the number: the event named by BSUID only is not under it.
    expect(ids(await harness.calls.listFor(['+5491155550142'], 10, null))).toEqual(
      newestFirst.filter((id) => !id.startsWith('wacid.C')),
    );

    const first = await harness.calls.listFor(['+5491155550142', 'AR.8802000000000142'], 3, null);
    const last = first.at(-1)!;
    const rest = await harness.calls.listFor(['+5491155550142', 'AR.8802000000000142'], 3, {
      timestamp: last.timestamp,
      id: last.id,
    });
    expect(ids([...first, ...rest])).toEqual(newestFirst);
  });

  it('keeps each event exactly as given, Meta’s raw item included', async () => {
    const event = callEvent('wacid.E', CallEventKind.CONNECT, 'connect', T);
    await harness.calls.record([event]);
    const [listed] = await harness.calls.listFor(['+5491155550142'], 1, null);
    const { cursor: _cursor, ...rest } = listed!;
    expect(rest).toEqual(event);
    expect(rest.raw).toEqual({
      id: 'wacid.E',
      event: 'connect',
      timestamp: String(T / 1000),
      session: { sdp: 'v=0' },
      list: [],
    });
  });
});
