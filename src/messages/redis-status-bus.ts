import { type Redis } from 'ioredis';
import { type Logger } from '../observability';
import { statusChannel } from './redis-message-store-options';
import { type StatusBus, type StatusListener } from './status-bus';
import { decodeStatusEvent, StatusEventDecodeError } from './status-event-codec';

export interface RedisStatusBusOptions {
  /** The same key prefix as the store's; the channel is derived from it unless `channel` is given. */
  keyPrefix: string;
  /** Must equal the store's channel. Default `statusChannel(keyPrefix)`. */
  channel?: string;
  /** Logs dropped (undecodable) events and subscribers that threw. */
  logger: Logger;
}

/**
 * Live fan-out over Redis pub/sub: one SUBSCRIBE on a dedicated connection (injected, in subscriber mode
 * for good), events decoded once and handed to every local listener. After a reconnect ioredis subscribes
 * again by itself (`autoResubscribe`, checked at construction). Events published while the connection
 * was down are not delivered here: subscribers replay them from the stream.
 */
export class RedisStatusBus implements StatusBus {
  private readonly channel: string;
  private readonly listeners = new Set<StatusListener>();
  private subscribed: Promise<void> | null = null;
  private closed = false;
  private readonly onMessage = (channel: string, message: string): void => this.deliver(channel, message);

  constructor(
    private readonly subscriber: Redis,
    private readonly options: RedisStatusBusOptions,
  ) {
    if (subscriber.options.autoResubscribe === false) {
      throw new Error(
        'RedisStatusBus needs its connection created with autoResubscribe: true (the ioredis default), ' +
          'or it would stop receiving events after the first reconnect.',
      );
    }
    this.channel = options.channel ?? statusChannel(options.keyPrefix);
    subscriber.on('message', this.onMessage);
  }

  async subscribe(listener: StatusListener): Promise<() => void> {
    this.assertOpen();
    await this.ensureSubscribed();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    if (this.subscriber.status !== 'ready') {
      throw new Error(`Redis subscriber connection is ${this.subscriber.status}.`);
    }
    await this.ensureSubscribed();
    await this.subscriber.ping();
  }

  /** Stops delivering and leaves the channel. The connection itself belongs to the composition root. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.subscriber.off('message', this.onMessage);
    if (this.subscribed !== null && this.subscriber.status === 'ready') {
      await this.subscriber.unsubscribe(this.channel).catch((error: unknown) => {
        this.options.logger.debug({ err: error }, 'Unsubscribe failed while closing the status bus.');
      });
    }
    this.subscribed = null;
  }

  private ensureSubscribed(): Promise<void> {
    if (this.subscribed === null) {
      const attempt = this.subscriber.subscribe(this.channel).then(() => undefined);
      // A failed attempt is forgotten so that the next call (or readiness probe) tries again.
      attempt.catch(() => {
        if (this.subscribed === attempt) this.subscribed = null;
      });
      this.subscribed = attempt;
    }
    return this.subscribed;
  }

  private deliver(channel: string, message: string): void {
    if (channel !== this.channel || this.listeners.size === 0) return;
    let event;
    try {
      event = decodeStatusEvent(message);
    } catch (error) {
      if (!(error instanceof StatusEventDecodeError)) throw error;
      this.options.logger.warn(
        { reason: error.message },
        'Dropped a published event this version cannot read.',
      );
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error(
          { err: error },
          'A status subscriber threw; the others still got the event.',
        );
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The status bus is closed.');
  }
}
