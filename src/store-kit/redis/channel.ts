import { type Logger } from '../../observability';
import { type RedisConnection } from './connection';

/**
 * One pub/sub channel on the shared subscriber connection, decoded once and handed to every local
 * listener: the live side of a stream whose store publishes each entry with its cursor (inbound messages,
 * account events). On Redis Cluster the channel is sharded (SSUBSCRIBE), like the stores' SPUBLISH. Other
 * channels on the same connection are left to their own listeners. Events published while the connection
 * was down are not delivered here: subscribers replay them from the stream.
 */
export class RedisChannel<E> {
  private readonly listeners = new Set<(event: E) => void>();
  private subscribed: Promise<unknown> | null = null;
  private readonly onMessage = (channel: string, raw: string): void => {
    if (channel !== this.channel) return;
    const event = this.decode(raw);
    if (event === null) {
      this.logger.warn({ channel }, 'a published event could not be read; it was dropped');
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(
          { err: error },
          'A live listener threw; the event was still delivered to the others.',
        );
      }
    }
  };

  constructor(
    private readonly subscriber: RedisConnection,
    private readonly channel: string,
    private readonly decode: (raw: string) => E | null,
    private readonly logger: Logger,
  ) {}

  /** Starts delivering to `listener`; resolves once the channel is subscribed. Returns the stop. */
  async listen(listener: (event: E) => void): Promise<() => void> {
    if (this.subscribed === null) {
      const sharded = this.subscriber.isCluster;
      this.subscriber.on(sharded ? 'smessage' : 'message', this.onMessage);
      this.subscribed = sharded
        ? this.subscriber.ssubscribe(this.channel)
        : this.subscriber.subscribe(this.channel);
    }
    await this.subscribed;
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
