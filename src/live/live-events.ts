import { createSilentLogger, type Logger } from '../observability';
import { LiveFanout } from './engine/live-fanout';
import { subscribeLive, type LiveSubscribeRequest } from './graphql/subscribe-live';
import { type LiveEvent, type LiveStream } from './live-stream';
import { parseStreamCursor } from '../store-kit';

export interface LiveEventsOptions<E extends LiveEvent, P, F> {
  stream: LiveStream<E, P, F>;
  /** Where failed deliveries are reported. */
  logger?: Logger;
  /** Events replayed per store round trip. Default: `LiveFanoutOptions.replayPageSize`'s. */
  replayPageSize?: number;
  /** See `LiveSubscriptionOptions.maxBufferedEvents`. Default 10,000. */
  maxBufferedEvents?: number;
  /** See `LiveFanoutOptions.deliveriesPerTurn`. */
  deliveriesPerTurn?: number;
}

/**
 * One kind of live event on the engine, as a resolver subscribes to it: every stream (statuses, inbound
 * messages, account events, calls) is one of these, built from its `LiveStream` factory in `streams/`.
 */
export class LiveEvents<E extends LiveEvent, P, F> {
  readonly fanout: LiveFanout<E, P, F>;
  private readonly maxBufferedEvents: number;

  constructor(options: LiveEventsOptions<E, P, F>) {
    this.maxBufferedEvents = options.maxBufferedEvents ?? 10_000;
    this.fanout = new LiveFanout({
      stream: options.stream,
      logger: options.logger ?? createSilentLogger(),
      replayPageSize: options.replayPageSize,
      deliveriesPerTurn: options.deliveriesPerTurn,
    });
  }

  /**
   * A subscriber's events: the stream after `since` first (a malformed `since` throws
   * `InvalidCursorError` at once; one the stream cannot serve ends the subscription with its error), then
   * live ones, nothing lost and nothing twice at the seam.
   */
  subscribe(request: LiveSubscribeRequest<F>): AsyncIterableIterator<unknown> {
    if (request.since !== null) parseStreamCursor(request.since);
    return subscribeLive(this.fanout, request, { maxBufferedEvents: this.maxBufferedEvents });
  }
}
