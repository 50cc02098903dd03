import { type LiveEvent, type LiveFilter, type LiveStream } from '../live-stream';

/**
 * Streams of what happens with one customer at a time (the messages they write, the calls with them): a
 * subscriber follows a customer under every name they are known by (number, BSUID), or one business
 * number, or everyone. The streams differ only in what they read of an event, and each event is its own
 * payload.
 */

/** Which events a subscriber wants; every field given must match. */
export interface CustomerEventFilter {
  /**
   * The customer's names (number as E.164, BSUID): an event of any of them matches. Null: anyone. The
   * subscriber resolves a customer to all their names (the contact store knows them) before subscribing.
   */
  customers: readonly string[] | null;
  phoneNumberId: string | null;
}

/** What a customer stream reads of one of its events. */
export interface CustomerEventParts<E> {
  phoneNumberIdOf(event: E): string;
  /** The customer's names as the filter holds them (number as E.164, BSUID). */
  customerNamesOf(event: E): readonly string[];
}

/** The live side of a store's event stream (Redis pub/sub, or the embedded store itself). */
export interface CustomerEventFeed<E> {
  listen(listener: (event: E) => void): Promise<() => void>;
}

export function customerEventFilter<E>(parts: CustomerEventParts<E>): LiveFilter<E, CustomerEventFilter> {
  return {
    matches(event, filter) {
      if (filter.phoneNumberId !== null && parts.phoneNumberIdOf(event) !== filter.phoneNumberId)
        return false;
      if (filter.customers === null) return true;
      return parts.customerNamesOf(event).some((name) => filter.customers?.includes(name));
    },
    indexKeyOf(filter) {
      // A customer known by two names is found under either: filed by its business number, or looked at
      // for every event (these streams are light beside statuses).
      if (filter.customers !== null && filter.customers.length === 1) return `c:${filter.customers[0]}`;
      if (filter.phoneNumberId !== null) return `p:${filter.phoneNumberId}`;
      return null;
    },
    indexKeysOf: (event) => [
      ...parts.customerNamesOf(event).map((name) => `c:${name}`),
      `p:${parts.phoneNumberIdOf(event)}`,
    ],
  };
}

/** A customer stream on the live engine, from its store's replay and its feed. */
export function customerEventStream<E extends LiveEvent>(
  name: string,
  store: { readEventsAfter(cursor: string, limit: number): Promise<E[]> },
  feed: CustomerEventFeed<E>,
  parts: CustomerEventParts<E>,
): LiveStream<E, E, CustomerEventFilter> {
  return {
    name,
    source: {
      listen: (listener) => feed.listen((event) => listener(event, event)),
      readAfter: (cursor, limit) => store.readEventsAfter(cursor, limit),
      load: async (events) => [...events],
    },
    filter: customerEventFilter(parts),
  };
}
