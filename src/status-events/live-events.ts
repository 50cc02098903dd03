import { createSilentLogger, type Logger } from '../observability';
import { parseSince } from './client-errors';
import { LiveFanout } from './live-fanout';
import { type LiveEvent, type LiveStream } from './live-stream';
import { subscribeLive, type LiveSubscribeRequest } from './live-subscription';

export interface LiveEventsOptions<E extends LiveEvent, P, F> {
  stream: LiveStream<E, P, F>;
  /** Where failed deliveries and subscriptions are reported. */
  logger?: Logger;
  /** Events replayed per store round trip. Default 500. */
  replayPageSize?: number;
  /** See `LiveSubscriptionOptions.maxBufferedEvents`. Default 10,000. */
  maxBufferedEvents?: number;
  /** See `LiveFanoutOptions.deliveriesPerTurn`. */
  deliveriesPerTurn?: number;
}

/** One kind of live event on the engine, as a resolver subscribes to it. */
export class LiveEvents<E extends LiveEvent, P, F> {
  readonly fanout: LiveFanout<E, P, F>;
  private readonly logger: Logger;
  private readonly maxBufferedEvents: number;

  constructor(options: LiveEventsOptions<E, P, F>) {
    this.logger = options.logger ?? createSilentLogger();
    this.maxBufferedEvents = options.maxBufferedEvents ?? 10_000;
    this.fanout = new LiveFanout({
      stream: options.stream,
      logger: this.logger,
      replayPageSize: options.replayPageSize,
      deliveriesPerTurn: options.deliveriesPerTurn,
    });
  }

  /**
   * A subscriber's events: the stream after `since` first (a malformed `since` throws BAD_USER_INPUT at
   * once; one the stream cannot serve ends the subscription with it), then live ones, nothing lost and
   * nothing twice at the seam.
   */
  subscribe(
    request: Omit<LiveSubscribeRequest<F>, 'since'> & { since: string | null },
  ): AsyncIterableIterator<unknown> {
    const since = request.since === null ? null : parseSince(request.since);
    return subscribeLive(
      this.fanout,
      { ...request, since },
      { logger: this.logger, maxBufferedEvents: this.maxBufferedEvents },
    );
  }
}
