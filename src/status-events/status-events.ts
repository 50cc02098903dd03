import { type MessageStore, type StatusBus, type StatusChangeEvent } from '../messages';
import { createSilentLogger, type Logger } from '../observability';
import { parseSince } from './client-errors';
import { LiveFanout } from './live-fanout';
import { subscribeLive, type LiveSubscribeRequest } from './live-subscription';
import { statusStream, type StatusEventFilter, type StatusEventWithMessage } from './status-stream';

export interface StatusEventsOptions {
  store: MessageStore;
  bus: StatusBus;
  /** Where failed deliveries and subscriptions are reported. */
  logger?: Logger;
  /** Events replayed per store round trip. Default 100 (`LiveFanoutOptions.replayPageSize`). */
  replayPageSize?: number;
  /** See `LiveSubscriptionOptions.maxBufferedEvents`. Default 10,000. */
  maxBufferedEvents?: number;
  /** See `LiveFanoutOptions.deliveriesPerTurn`. */
  deliveriesPerTurn?: number;
}

/** `messageStatusChanged`: the status stream on the live engine. */
export class StatusEvents {
  readonly fanout: LiveFanout<StatusChangeEvent, StatusEventWithMessage, StatusEventFilter>;
  private readonly logger: Logger;
  private readonly maxBufferedEvents: number;

  constructor(options: StatusEventsOptions) {
    this.logger = options.logger ?? createSilentLogger();
    this.maxBufferedEvents = options.maxBufferedEvents ?? 10_000;
    this.fanout = new LiveFanout({
      stream: statusStream(options.store, options.bus),
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
    request: Omit<LiveSubscribeRequest<StatusEventFilter>, 'since'> & { since: string | null },
  ): AsyncIterableIterator<unknown> {
    const since = request.since === null ? null : parseSince(request.since);
    return subscribeLive(
      this.fanout,
      { ...request, since },
      { logger: this.logger, maxBufferedEvents: this.maxBufferedEvents },
    );
  }
}
