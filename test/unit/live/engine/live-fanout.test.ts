import { type GraphQLResolveInfo } from 'graphql';
import {
  createMemoryMessaging,
  MessageStatus,
  type MessageStore,
  type StatusBus,
  type StatusUpdate,
} from '../../../../src/messages';
import { createSilentLogger } from '../../../../src/observability';
import {
  LiveFanout,
  statusStream,
  subscribeLive,
  SubscriberTooSlowError,
  type FanoutShape,
  type StatusEventFilter,
  type StatusEventWithMessage,
} from '../../../../src/live';
import { waitFor } from '../../../support/gateway-harness';

const RECIPIENT = '12025550190';

let store: MessageStore;
let bus: StatusBus;
let sequence = 0;

beforeEach(() => {
  ({ store, bus } = createMemoryMessaging({ streamMaxLength: 1_000, logger: createSilentLogger() }));
});

afterEach(async () => {
  await bus.close();
});

async function applySent(messageId = `wamid.engine-${sequence++}`): Promise<void> {
  const update: StatusUpdate = {
    messageId,
    status: MessageStatus.SENT,
    timestamp: 1_700_000_000_000 + sequence++,
    recipientId: RECIPIENT,
    phoneNumberId: '1',
    errors: [],
  };
  const [outcome] = await store.applyStatuses([update], Date.now());
  if (outcome?.kind !== 'applied') throw new Error('status not applied');
}

function countingShape(key: string, renders: { count: number }): FanoutShape<StatusEventWithMessage, string> {
  return {
    key,
    render: async ({ event, message }) => {
      renders.count += 1;
      return `${key}:${event.status}:${message.id}`;
    },
  };
}

describe('the live engine', () => {
  it('renders once per event and shape, and shares the output between every subscriber of the shape', async () => {
    const fanout = new LiveFanout({ stream: statusStream(store, bus), logger: createSilentLogger() });
    const renders = { count: 0 };
    const received: string[][] = [[], [], []];
    const shapes = [countingShape('a', renders), countingShape('a', renders), countingShape('b', renders)];
    const stops = shapes.map((shape, index) =>
      fanout.follow<string>(
        {
          filter: { recipient: `+${RECIPIENT}` },
          deliver: (outputs) => received[index]!.push(...outputs),
          fail: () => undefined,
        },
        shape,
        null,
      ),
    );
    await waitFor(() => fanout.stats.subscribers === 3);
    await applySent('wamid.engine-shared');
    await waitFor(() => received.every((list) => list.length === 1));

    expect(received).toEqual([
      ['a:SENT:wamid.engine-shared'],
      ['a:SENT:wamid.engine-shared'],
      ['b:SENT:wamid.engine-shared'],
    ]);
    expect(renders.count).toBe(2);
    expect(fanout.stats).toMatchObject({ subscribers: 3, shapes: 2, renders: 2, deliveries: 3 });
    stops.forEach((stop) => stop());
    expect(fanout.stats).toMatchObject({ subscribers: 0, shapes: 0 });
  });

  it('lets other work run between turns of a large delivery', async () => {
    const fanout = new LiveFanout({
      stream: statusStream(store, bus),
      logger: createSilentLogger(),
      deliveriesPerTurn: 2,
    });
    const order: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      fanout.follow<string>(
        {
          filter: {},
          deliver: () => {
            order.push(`delivered ${i}`);
            // Work that arrives during the fan-out (a webhook, a send) waits for one turn at most.
            if (i === 0) setImmediate(() => order.push('other work'));
          },
          fail: () => undefined,
        },
        countingShape('s', { count: 0 }),
        null,
      );
    }
    await waitFor(() => fanout.stats.subscribers === 6);
    await applySent();
    await waitFor(() => order.length === 7);
    expect(order.indexOf('other work')).toBeLessThan(order.indexOf('delivered 5'));
    expect(order.filter((entry) => entry.startsWith('delivered'))).toHaveLength(6);
  });

  it('hands each subscriber a batch at once, only the events that came after it subscribed', async () => {
    const fanout = new LiveFanout({
      stream: statusStream(store, bus),
      logger: createSilentLogger(),
      deliveriesPerTurn: 1,
    });
    const shape = countingShape('s', { count: 0 });
    const calls = new Map<string, string[][]>();
    const follow = (name: string, onDeliver?: () => void): void => {
      calls.set(name, []);
      fanout.follow<string>(
        {
          filter: { recipient: `+${RECIPIENT}` },
          deliver: (outputs) => {
            calls.get(name)!.push([...outputs]);
            onDeliver?.();
          },
          fail: () => undefined,
        },
        shape,
        null,
      );
    };
    let joined = false;
    // While the first event is written, two more arrive with a subscriber joining between them: they are
    // the next batch, whose audience changed in the middle.
    follow('first', () => {
      if (joined) return;
      joined = true;
      void applySent('wamid.batch-2');
      follow('joined');
      void applySent('wamid.batch-3');
    });
    follow('second');
    await waitFor(() => fanout.stats.subscribers === 2);
    await applySent('wamid.batch-1');
    await waitFor(() => calls.get('joined')?.length === 1 && calls.get('second')?.length === 2);

    const both = [['s:SENT:wamid.batch-1'], ['s:SENT:wamid.batch-2', 's:SENT:wamid.batch-3']];
    expect(calls.get('first')).toEqual(both);
    expect(calls.get('second')).toEqual(both);
    expect(calls.get('joined')).toEqual([['s:SENT:wamid.batch-3']]);
    expect(fanout.stats).toMatchObject({ events: 3, deliveries: 7 });
  });

  it('hands every subscriber of an unchanged audience the same list for a batch', async () => {
    const fanout = new LiveFanout({ stream: statusStream(store, bus), logger: createSilentLogger() });
    const shape = countingShape('s', { count: 0 });
    const lists: Array<readonly string[]> = [];
    for (let i = 0; i < 3; i += 1) {
      fanout.follow<string>(
        {
          filter: { recipient: `+${RECIPIENT}` },
          deliver: (outputs) => lists.push(outputs),
          fail: () => undefined,
        },
        shape,
        null,
      );
    }
    await waitFor(() => fanout.stats.subscribers === 3);
    const updates = ['a', 'b', 'c'].map((name): StatusUpdate => ({
      messageId: `wamid.same-list-${name}`,
      status: MessageStatus.SENT,
      timestamp: 1_700_000_000_000 + sequence++,
      recipientId: RECIPIENT,
      phoneNumberId: '1',
      errors: [],
    }));
    await store.applyStatuses(updates, Date.now());
    await waitFor(() => lists.length === 6);

    // The first event goes out alone, the two that came while it was written as one batch.
    expect(lists[0]).toEqual(['s:SENT:wamid.same-list-a']);
    expect(lists[3]).toEqual(['s:SENT:wamid.same-list-b', 's:SENT:wamid.same-list-c']);
    expect(lists.slice(0, 3).every((list) => list === lists[0])).toBe(true);
    expect(lists.slice(3).every((list) => list === lists[3])).toBe(true);
  });

  it('yields payloads to graphql-js when the subscription has no transport, and ends a reader that fell behind', async () => {
    const fanout = new LiveFanout({ stream: statusStream(store, bus), logger: createSilentLogger() });
    const request = {
      filter: { recipient: `+${RECIPIENT}` } satisfies StatusEventFilter,
      since: null,
      // Only a transport's shared render reads the resolve info.
      info: {} as GraphQLResolveInfo,
      transport: undefined,
      audienceKey: 'subscribe',
    };
    const iterator = subscribeLive(fanout, request, { maxBufferedEvents: 2 });
    await waitFor(() => fanout.stats.subscribers === 1);
    await applySent('wamid.engine-iterated');
    const first = await iterator.next();
    expect((first.value as StatusEventWithMessage).message.id).toBe('wamid.engine-iterated');

    for (let i = 0; i < 4; i += 1) await applySent();
    await waitFor(() => fanout.stats.subscribers === 0);
    await expect(
      (async () => {
        for (;;) if ((await iterator.next()).done) return;
      })(),
    ).rejects.toBeInstanceOf(SubscriberTooSlowError);
  });
});
