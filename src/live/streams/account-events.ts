import { type AccountEventKind, type AccountEventRecord, type AccountEventStore } from '../../account-events';
import { type LiveEvents } from '../live-events';
import { type LiveFilter, type LiveStream } from '../live-stream';

/** Which account events a subscriber wants: these kinds, or every kind when null. */
export interface AccountEventFilter {
  kinds: readonly AccountEventKind[] | null;
}

export const accountEventFilter: LiveFilter<AccountEventRecord, AccountEventFilter> = {
  matches: (event, filter) => filter.kinds === null || filter.kinds.includes(event.kind),
  indexKeyOf: (filter) =>
    filter.kinds !== null && filter.kinds.length === 1 ? `k:${filter.kinds[0]}` : null,
  indexKeysOf: (event) => [`k:${event.kind}`],
};

/** `accountEventReceived` on the engine. */
export type AccountEvents = LiveEvents<AccountEventRecord, AccountEventRecord, AccountEventFilter>;

/** The live side of the account event stream (Redis pub/sub, or the embedded store itself). */
export interface AccountEventFeed {
  listen(listener: (event: AccountEventRecord) => void): Promise<() => void>;
}

/** `accountEventReceived`: account events on the live engine; each event is its own payload. */
export function accountEventStream(
  store: AccountEventStore,
  feed: AccountEventFeed,
): LiveStream<AccountEventRecord, AccountEventRecord, AccountEventFilter> {
  return {
    name: 'accountEvent',
    source: {
      listen: (listener) => feed.listen((event) => listener(event, event)),
      readAfter: (cursor, limit) => store.readEventsAfter(cursor, limit),
      load: async (events) => [...events],
    },
    filter: accountEventFilter,
  };
}
