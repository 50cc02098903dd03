import {
  compareStreamCursors,
  CursorExpiredError,
  InvalidCursorError,
  parseStreamCursor,
  type MessageStore,
  type StatusBus,
  type StatusChangeEvent,
  type StreamCursor,
} from '../../messages';
import { type Logger } from '../../observability';
import { GatewayError, GatewayErrorCode } from '../gateway-error';
import { matchesFilter, type StatusEventFilter, type StatusEventWithMessage } from './status-event-stream';

/**
 * What subscribers with equal `key`s receive for one event is the same text: it is rendered once per
 * event and key, however many subscribers share it.
 */
export interface FanoutShape {
  readonly key: string;
  /** The `payload` of a `next` message, serialised (`{"data":…}`). */
  render(payload: StatusEventWithMessage): Promise<string>;
}

/** One live subscription, as the transport hands it to the fan-out. */
export interface FanoutSubscriber {
  readonly filter: StatusEventFilter;
  /** Writes one rendered payload to the client. Must not throw; a subscriber too slow to keep up is the transport's to drop. */
  send(payload: string): void;
  /**
   * Writes several payloads, in order, as `send` would one by one; a transport can coalesce them into
   * one write. Used when events arrive faster than they are delivered. Must not throw.
   */
  sendAll?(payloads: readonly string[]): void;
  /** Ends the subscription with an error (a replay that cannot be served). */
  fail(error: GatewayError): void;
}

export interface StatusFanoutOptions {
  store: MessageStore;
  bus: StatusBus;
  logger: Logger;
  /** Events replayed per store round trip. */
  replayPageSize?: number;
}

interface Follower {
  readonly subscriber: FanoutSubscriber;
  /** The shared instance of the subscriber's shape. */
  readonly shape: FanoutShape;
  readonly indexKey: string;
  lastCursor: StreamCursor | null;
  /** Live events that arrived during the replay, in order; null once live. */
  held: Array<{ cursor: StreamCursor; payload: string }> | null;
  closed: boolean;
}

/** Counters for operators and benchmarks. */
export interface FanoutStats {
  subscribers: number;
  events: number;
  deliveries: number;
  renders: number;
}

const ALL = '*';

/** An event on its way out: who gets it, and its payloads once rendered (null: nothing to send). */
interface PendingEvent {
  readonly event: StatusChangeEvent;
  readonly followers: readonly Follower[];
  readonly rendered: Promise<Map<string, string> | null>;
}

/** The most selective key a filter can be found by; events are looked up under each of their keys. */
function indexKeyOf(filter: StatusEventFilter): string {
  if (filter.messageId) return `m:${filter.messageId}`;
  if (filter.recipient) return `r:${filter.recipient}`;
  if (filter.phoneNumberId) return `p:${filter.phoneNumberId}`;
  return ALL;
}

/**
 * The live side of `messageStatusChanged` for every subscriber of this instance: one bus listener,
 * subscribers indexed by their most selective filter, the message record read once per event, the
 * payload rendered once per event and distinct shape, and the same text sent to every subscriber that
 * shares it. Deliveries keep the bus's order; a subscriber with `since` gets the stream replayed first,
 * with live events held until the replay ends and nothing sent twice at the seam.
 */
export class StatusFanout {
  private readonly index = new Map<string, Set<Follower>>();
  /** One instance per distinct shape, counted, so that subscribers share it instead of holding copies. */
  private readonly shapes = new Map<string, { shape: FanoutShape; users: number }>();
  private readonly replayPageSize: number;
  private listening: Promise<() => void> | null = null;
  /**
   * Events waiting for delivery, in bus order, each with its render already under way. Deliveries run
   * one batch after another; every event whose render is queued when a batch starts joins it.
   */
  private queue: PendingEvent[] = [];
  private draining = false;
  private readonly counters: FanoutStats = { subscribers: 0, events: 0, deliveries: 0, renders: 0 };

  constructor(private readonly options: StatusFanoutOptions) {
    this.replayPageSize = options.replayPageSize ?? 500;
  }

  get stats(): FanoutStats & { shapes: number } {
    return { ...this.counters, shapes: this.shapes.size };
  }

  /**
   * Starts delivering to `subscriber` at once (after a replay from `since`, when given); returns the
   * function that stops it. `since` must already be a valid cursor.
   */
  follow(subscriber: FanoutSubscriber, shape: FanoutShape, since: string | null): () => void {
    let shared = this.shapes.get(shape.key);
    if (!shared) this.shapes.set(shape.key, (shared = { shape, users: 0 }));
    shared.users += 1;
    const follower: Follower = {
      subscriber,
      shape: shared.shape,
      indexKey: indexKeyOf(subscriber.filter),
      lastCursor: since === null ? null : parseStreamCursor(since),
      held: since === null ? null : [],
      closed: false,
    };
    let set = this.index.get(follower.indexKey);
    if (!set) this.index.set(follower.indexKey, (set = new Set()));
    set.add(follower);
    this.counters.subscribers += 1;
    this.listen().catch((error: unknown) => this.failFollower(follower, error));
    if (since !== null) {
      this.replay(follower, since).catch((error: unknown) => this.failFollower(follower, error));
    }
    return () => this.remove(follower);
  }

  private listen(): Promise<() => void> {
    if (this.listening === null) {
      const attempt = this.options.bus.subscribe((event) => this.onEvent(event));
      // A failed subscription is forgotten so that the next subscriber tries again.
      attempt.catch(() => {
        if (this.listening === attempt) this.listening = null;
      });
      this.listening = attempt;
    }
    return this.listening;
  }

  private remove(follower: Follower): void {
    if (follower.closed) return;
    follower.closed = true;
    follower.held = null;
    const set = this.index.get(follower.indexKey);
    if (set?.delete(follower)) {
      this.counters.subscribers -= 1;
      if (set.size === 0) this.index.delete(follower.indexKey);
    }
    const shared = this.shapes.get(follower.shape.key);
    if (shared && --shared.users === 0) this.shapes.delete(follower.shape.key);
  }

  private failFollower(follower: Follower, error: unknown): void {
    if (follower.closed) return;
    this.remove(follower);
    follower.subscriber.fail(
      error instanceof GatewayError
        ? error
        : new GatewayError(GatewayErrorCode.INTERNAL_SERVER_ERROR, 'The status stream failed.'),
    );
    if (!(error instanceof GatewayError)) {
      this.options.logger.error({ err: error }, 'A status subscription failed.');
    }
  }

  private candidates(event: StatusChangeEvent): Follower[] {
    const found: Follower[] = [];
    const keys = [
      `m:${event.messageId}`,
      `r:${event.recipient}`,
      `r:${event.recipientUserId}`,
      `p:${event.phoneNumberId}`,
      ALL,
    ];
    for (const key of keys) {
      const set = this.index.get(key);
      if (!set) continue;
      for (const follower of set) if (matchesFilter(event, follower.subscriber.filter)) found.push(follower);
    }
    return found;
  }

  private onEvent(event: StatusChangeEvent): void {
    this.counters.events += 1;
    const followers = this.candidates(event);
    if (followers.length === 0) return;
    const rendered = this.renderForAll(event, followers).catch((error: unknown) => {
      this.options.logger.error({ err: error, cursor: event.cursor }, 'A status event was not delivered.');
      return null;
    });
    this.queue.push({ event, followers, rendered });
    if (!this.draining) void this.drain();
  }

  /**
   * Delivers queued events in order. Whatever queued up while the previous batch was written goes out
   * as one batch: a subscriber then gets all of its frames in one write instead of one write per event,
   * which is what keeps a burst from costing a system call per event and subscriber.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        const payloads = await Promise.all(batch.map((pending) => pending.rendered));
        try {
          if (batch.length === 1) {
            if (payloads[0]) this.deliver(batch[0]!.event, batch[0]!.followers, payloads[0]);
          } else {
            this.deliverBatch(batch, payloads);
          }
        } catch (error) {
          this.options.logger.error(
            { err: error, events: batch.length },
            'Status events were not delivered.',
          );
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** One record read and one render per distinct shape; null when the record is gone. */
  private async renderForAll(
    event: StatusChangeEvent,
    followers: readonly Follower[],
  ): Promise<Map<string, string> | null> {
    const [message] = await this.options.store.getMany([event.messageId]);
    if (!message) {
      this.options.logger.warn({ cursor: event.cursor }, 'A status event names a message the store lacks.');
      return null;
    }
    const payload: StatusEventWithMessage = { event, message };
    const pending = new Map<string, Promise<string>>();
    for (const { shape } of followers) {
      if (!pending.has(shape.key)) {
        pending.set(shape.key, shape.render(payload));
        this.counters.renders += 1;
      }
    }
    const payloads = new Map<string, string>();
    for (const [key, text] of pending) payloads.set(key, await text);
    return payloads;
  }

  private deliver(
    event: StatusChangeEvent,
    followers: readonly Follower[],
    payloads: Map<string, string>,
  ): void {
    const cursor = parseStreamCursor(event.cursor);
    for (const follower of followers) {
      if (follower.closed) continue;
      const payload = payloads.get(follower.shape.key)!;
      if (follower.held) follower.held.push({ cursor, payload });
      else this.sendAfter(follower, cursor, payload);
    }
  }

  /** Several events: each subscriber's payloads are gathered in event order and handed over together. */
  private deliverBatch(
    batch: readonly PendingEvent[],
    payloads: ReadonlyArray<Map<string, string> | null>,
  ): void {
    const outgoing = new Map<Follower, string[]>();
    batch.forEach(({ event, followers }, index) => {
      const rendered = payloads[index];
      if (!rendered) return;
      const cursor = parseStreamCursor(event.cursor);
      for (const follower of followers) {
        if (follower.closed) continue;
        const payload = rendered.get(follower.shape.key)!;
        if (follower.held) {
          follower.held.push({ cursor, payload });
          continue;
        }
        if (!this.advance(follower, cursor)) continue;
        const list = outgoing.get(follower);
        if (list) list.push(payload);
        else outgoing.set(follower, [payload]);
      }
    });
    for (const [follower, list] of outgoing) {
      // A subscriber that ended while earlier ones were written gets nothing more.
      if (follower.closed) continue;
      this.counters.deliveries += list.length;
      if (list.length === 1 || !follower.subscriber.sendAll) {
        for (const payload of list) follower.subscriber.send(payload);
      } else {
        follower.subscriber.sendAll(list);
      }
    }
  }

  /** Sends unless the subscriber already has this event (the replay/live seam). */
  private sendAfter(follower: Follower, cursor: StreamCursor, payload: string): void {
    if (!this.advance(follower, cursor)) return;
    this.counters.deliveries += 1;
    follower.subscriber.send(payload);
  }

  /** Moves the subscriber's position to `cursor`; false when it already has that event. */
  private advance(follower: Follower, cursor: StreamCursor): boolean {
    if (follower.lastCursor !== null && compareStreamCursors(cursor, follower.lastCursor) <= 0) return false;
    follower.lastCursor = cursor;
    return true;
  }

  private async replay(follower: Follower, since: string): Promise<void> {
    await this.listen();
    let after = since;
    for (;;) {
      const page = await this.readAfter(after);
      const wanted = page.filter((event) => matchesFilter(event, follower.subscriber.filter));
      const records = await this.options.store.getMany([...new Set(wanted.map((event) => event.messageId))]);
      const byId = new Map(
        records.filter((record) => record !== null).map((record) => [record!.id, record!]),
      );
      for (const event of wanted) {
        const message = byId.get(event.messageId);
        if (!message) continue;
        const payload = await follower.shape.render({ event, message });
        if (follower.closed) return;
        this.sendAfter(follower, parseStreamCursor(event.cursor), payload);
      }
      if (follower.closed) return;
      if (page.length < this.replayPageSize) break;
      after = page[page.length - 1]!.cursor;
      // Skipped events still move the seam, so that a live copy of them is not taken for new.
      const last = parseStreamCursor(after);
      if (follower.lastCursor === null || compareStreamCursors(last, follower.lastCursor) > 0) {
        follower.lastCursor = last;
      }
    }
    const held = follower.held ?? [];
    follower.held = null;
    for (const { cursor, payload } of held) this.sendAfter(follower, cursor, payload);
  }

  private async readAfter(cursor: string): Promise<StatusChangeEvent[]> {
    try {
      return await this.options.store.readEventsAfter(cursor, this.replayPageSize);
    } catch (error) {
      if (error instanceof CursorExpiredError || error instanceof InvalidCursorError) {
        throw new GatewayError(GatewayErrorCode.BAD_USER_INPUT, error.message, { field: 'since' });
      }
      throw error;
    }
  }
}
