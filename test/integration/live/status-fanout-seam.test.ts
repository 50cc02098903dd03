import { createMemoryMessaging, MessageStatus, type StatusChangeEvent } from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { LiveFanout, statusStream, type FanoutShape, type StatusEventWithMessage } from '../../../src/live';
import { waitFor } from '../../support/gateway-harness';

/** Renders the cursor and status only, so that each delivery is easy to compare. */
const shape: FanoutShape<StatusEventWithMessage, string> = {
  key: 'cursor+status',
  render: async ({ event }) => JSON.stringify({ cursor: event.cursor, status: event.status }),
};

describe('the replay/live seam of the fan-out', () => {
  it('sends an event that is both replayed and held live exactly once, in stream order', async () => {
    const { store, bus } = createMemoryMessaging({ streamMaxLength: 1_000, logger: createSilentLogger() });
    // The replay's first page waits at a gate, so that live events arrive while it is being read.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const readEventsAfter = store.readEventsAfter.bind(store);
    store.readEventsAfter = async (cursor, limit) => {
      await gate;
      return readEventsAfter(cursor, limit);
    };
    const apply = async (status: MessageStatus, at: number): Promise<StatusChangeEvent> => {
      const [outcome] = await store.applyStatuses(
        [
          {
            messageId: 'wamid.seam',
            status,
            timestamp: at,
            recipientId: '12025550170',
            phoneNumberId: '1',
            errors: [],
          },
        ],
        at,
      );
      if (outcome?.kind !== 'applied') throw new Error('status not applied');
      return outcome.event;
    };
    const fanout = new LiveFanout({ stream: statusStream(store, bus), logger: createSilentLogger() });
    const sent = await apply(MessageStatus.SENT, 1_000);

    const received: string[] = [];
    const stop = fanout.follow(
      {
        filter: { messageId: 'wamid.seam' },
        deliver: (payloads) => received.push(...payloads),
        fail: () => undefined,
      },
      shape,
      sent.cursor,
    );
    await waitFor(() => fanout.stats.subscribers === 1);
    // Stored (so the replay will read it) and published (so it is held) while the replay waits.
    await apply(MessageStatus.DELIVERED, 2_000);
    openGate();
    await apply(MessageStatus.READ, 3_000);
    await waitFor(() => received.some((payload) => payload.includes(MessageStatus.READ)));
    stop();

    const statuses = received.map((payload) => (JSON.parse(payload) as { status: string }).status);
    expect(statuses).toEqual([MessageStatus.DELIVERED, MessageStatus.READ]);
    await bus.close();
  });
});
