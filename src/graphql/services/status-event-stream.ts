import {
  compareStreamCursors,
  CursorExpiredError,
  parseStreamCursor,
  type StreamCursor,
  InvalidCursorError,
  type MessageRecord,
  type MessageStore,
  type StatusBus,
  type StatusChangeEvent,
} from '../../messages';
import { createSilentLogger, type Logger } from '../../observability';
import { GatewayError, GatewayErrorCode } from '../gateway-error';
import { EventQueue } from './event-queue';
import { StatusFanout } from './status-fanout';

/** Which events a subscriber wants; every field given must match. */
export interface StatusEventFilter {
  messageId?: string | null;
  /** E.164 with `+`. */
  recipient?: string | null;
  phoneNumberId?: string | null;
}

export interface StatusEventStreamOptions {
  store: MessageStore;
  bus: StatusBus;
  /** Events replayed per store round trip. */
  replayPageSize?: number;
  /**
   * Live events buffered for one subscriber that is not reading. Past it the subscription ends with an
   * error instead of letting one slow consumer grow the process without bound.
   */
  maxBufferedEvents?: number;
  /** Where the fan-out reports events it could not deliver. */
  logger?: Logger;
}

/** An event with the message as it stands after it. */
export interface StatusEventWithMessage {
  event: StatusChangeEvent;
  message: MessageRecord;
}

/** Reads a client's `since`; a malformed cursor is the client's error. */
export function parseSince(since: string): StreamCursor {
  try {
    return parseStreamCursor(since);
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new GatewayError(GatewayErrorCode.BAD_USER_INPUT, error.message, { field: 'since' });
    }
    throw error;
  }
}

export function matchesFilter(event: StatusChangeEvent, filter: StatusEventFilter): boolean {
  return (
    (!filter.messageId || event.messageId === filter.messageId) &&
    (!filter.recipient ||
      event.recipient === filter.recipient ||
      event.recipientUserId === filter.recipient) &&
    (!filter.phoneNumberId || event.phoneNumberId === filter.phoneNumberId)
  );
}

/**
 * A subscriber's events: first the stream after `since`, then live ones, with nothing lost and nothing
 * twice at the seam. The live subscription starts before the replay, and live events at or before the
 * last replayed cursor are dropped.
 */
export class StatusEventStream {
  private readonly replayPageSize: number;
  private readonly maxBufferedEvents: number;
  /** The shared live path the WebSocket server uses: one render per event and shape for all subscribers. */
  readonly fanout: StatusFanout;

  constructor(private readonly options: StatusEventStreamOptions) {
    this.replayPageSize = options.replayPageSize ?? 500;
    this.maxBufferedEvents = options.maxBufferedEvents ?? 10_000;
    this.fanout = new StatusFanout({
      store: options.store,
      bus: options.bus,
      logger: options.logger ?? createSilentLogger(),
      replayPageSize: this.replayPageSize,
    });
  }

  subscribe(filter: StatusEventFilter, since: string | null): AsyncIterableIterator<StatusEventWithMessage> {
    let unsubscribe: (() => void) | null = null;
    let closed = false;
    const queue = new EventQueue<StatusEventWithMessage>(() => {
      closed = true;
      unsubscribe?.();
    });
    let lastCursor = since === null ? null : parseSince(since);
    // While the stream is replayed, live events wait here; after it, they go straight to the queue.
    let held: StatusChangeEvent[] | null = since === null ? null : [];
    const deliver = (event: StatusChangeEvent): void => {
      const cursor = parseStreamCursor(event.cursor);
      if (lastCursor !== null && compareStreamCursors(cursor, lastCursor) <= 0) return;
      lastCursor = cursor;
      if (queue.backlog >= this.maxBufferedEvents) {
        queue.fail(
          new GatewayError(
            GatewayErrorCode.RATE_LIMITED,
            'This subscriber fell too far behind; resubscribe with `since` set to the last cursor received.',
          ),
        );
        return;
      }
      queue.push(this.withMessage(event));
    };

    void (async () => {
      const stop = await this.options.bus.subscribe((event) => {
        if (!matchesFilter(event, filter)) return;
        if (held) held.push(event);
        else deliver(event);
      });
      if (closed) return stop();
      unsubscribe = stop;
      if (since === null) return;
      for await (const event of this.replay(since)) {
        if (closed) return;
        if (matchesFilter(event, filter)) deliver(event);
        else lastCursor = parseStreamCursor(event.cursor);
      }
      const live = held ?? [];
      held = null;
      live.forEach(deliver);
    })().catch((error: unknown) => queue.fail(error));
    return queue;
  }

  private async *replay(since: string): AsyncGenerator<StatusChangeEvent> {
    let cursor = since;
    for (;;) {
      let page: StatusChangeEvent[];
      try {
        page = await this.options.store.readEventsAfter(cursor, this.replayPageSize);
      } catch (error) {
        if (error instanceof CursorExpiredError || error instanceof InvalidCursorError) {
          throw new GatewayError(GatewayErrorCode.BAD_USER_INPUT, error.message, { field: 'since' });
        }
        throw error;
      }
      yield* page;
      if (page.length < this.replayPageSize) return;
      cursor = page[page.length - 1]!.cursor;
    }
  }

  private async withMessage(event: StatusChangeEvent): Promise<StatusEventWithMessage> {
    const [message] = await this.options.store.getMany([event.messageId]);
    if (!message) throw new Error(`event ${event.cursor} names unknown message ${event.messageId}`);
    return { event, message };
  }
}
