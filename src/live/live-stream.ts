/**
 * What the fan-out engine needs to know about one kind of live event: where events come from (a durable
 * stream with cursor ids, plus pub/sub for the live ones), how a subscriber's filter picks them, and what
 * a subscriber is rendered from. Each stream (`streams/`: statuses, inbound messages, account events,
 * calls) is one `LiveStream`, run by its own `LiveEvents`.
 */

/** Anything with a place in a durable stream. */
export interface LiveEvent {
  /** The stream entry id (or per-partition cursor) a subscriber resumes from with `since`. */
  readonly cursor: string;
}

/** Listens to live events; `payload` is what the publisher sent along, or null to have it loaded. */
export type LiveListener<E, P> = (event: E, payload: P | null) => void;

/** The events of one durable stream, live and replayed. */
export interface LiveSource<E extends LiveEvent, P> {
  /** Starts delivering every live event; resolves once the subscription is active. Returns the stop. */
  listen(listener: LiveListener<E, P>): Promise<() => void>;
  /**
   * Events strictly after `cursor`, oldest first, at most `limit`. Rejects for a cursor that cannot be
   * served (too old, ahead of the stream, malformed); the adapter turns that into the client's error.
   */
  readAfter(cursor: string, limit: number): Promise<E[]>;
  /**
   * What subscribers are rendered from, for events whose publisher sent nothing along (and for replays),
   * in one round trip; null for an event whose subject is gone (it is then skipped).
   */
  load(events: readonly E[]): Promise<Array<P | null>>;
}

/** How a subscriber's filter picks events, and the index that finds candidates without a full scan. */
export interface LiveFilter<E, F> {
  matches(event: E, filter: F): boolean;
  /** The most selective key the filter can be found by, or null when it matches every event. */
  indexKeyOf(filter: F): string | null;
  /** Every key an event can be found under (the filters' `indexKeyOf` values it may match). */
  indexKeysOf(event: E): readonly string[];
}

/** One kind of live event, end to end. */
export interface LiveStream<E extends LiveEvent, P, F> {
  /** For logs: `status`, `message`, `accountEvent`, `call`. */
  readonly name: string;
  readonly source: LiveSource<E, P>;
  readonly filter: LiveFilter<E, F>;
}
