import { type Redis } from 'ioredis';
import { type Logger } from '../../observability';
import { type MessageRecord, type StatusChangeEvent } from '../message-record';
import { redisMessageLayout } from './message-layout';
import { type StatusBus, type StatusListener } from '../status-bus';
import { decodePublishedStatus } from './record-codec';
import { StatusEventDecodeError } from '../status-event-codec';
import {
  InvalidCursorError,
  type RedisConnection,
  compareStreamCursors,
  formatEventCursor,
  parseStreamCursor,
  type StreamCursor,
} from '../../store-kit';

export interface RedisStatusBusOptions {
  /** The same key prefix as the store's; the channel is derived from it unless `channel` is given. */
  keyPrefix: string;
  /** Must equal the store's channel. Default `statusChannel(keyPrefix)`. Ignored with several partitions. */
  channel?: string;
  /** Must equal the store's partition count. Default 1. */
  partitions?: number;
  /**
   * With several partitions: the last id of each partition's stream (`RedisMessageStore.streamHeads`),
   * read once subscribed, so that the first cursors handed out cover partitions not heard from yet.
   */
  streamHeads?: () => Promise<StreamCursor[]>;
  /** Logs dropped (undecodable) events and subscribers that threw. */
  logger: Logger;
}

/**
 * Live fan-out over Redis pub/sub: one SUBSCRIBE on a dedicated connection (injected, in subscriber mode
 * for good), events decoded once and handed to every local listener. After a reconnect ioredis subscribes
 * again by itself (`autoResubscribe`, checked at construction). Events published while the connection
 * was down are not delivered here: subscribers replay them from the stream.
 *
 * On Redis Cluster it listens to every partition's sharded channel (one SSUBSCRIBE each: channels of
 * different slots cannot share one) and hands out, as each event's cursor, the position of every
 * partition as this bus has seen them, the event's own partition marked (`EventCursor`): a subscriber
 * resuming from it gets exactly what it has not seen, whichever partition it came from.
 */
export class RedisStatusBus implements StatusBus {
  private readonly channels: string[];
  private readonly partitionOfChannel: Map<string, number>;
  private readonly sharded: boolean;
  private readonly seen: StreamCursor[];
  private readonly listeners = new Set<StatusListener>();
  private subscribed: Promise<void> | null = null;
  private closed = false;
  private readonly onMessage = (channel: string, message: string): void => this.deliver(channel, message);

  constructor(
    private readonly subscriber: RedisConnection,
    private readonly options: RedisStatusBusOptions,
  ) {
    // A cluster's sharded subscribers subscribe again by themselves after a reconnect.
    if (!subscriber.isCluster && (subscriber as Redis).options.autoResubscribe === false) {
      throw new Error(
        'RedisStatusBus needs its connection created with autoResubscribe: true (the ioredis default), ' +
          'or it would stop receiving events after the first reconnect.',
      );
    }
    const layout = redisMessageLayout(options, subscriber.isCluster);
    this.channels = layout.channels;
    this.sharded = layout.sharded;
    this.partitionOfChannel = new Map(this.channels.map((channel, index) => [channel, index]));
    this.seen = this.channels.map(() => ({ ms: 0, seq: 0 }));
    subscriber.on(this.sharded ? 'smessage' : 'message', this.onMessage);
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

  /** Stops delivering and leaves the channels. The connection itself belongs to the composition root. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.subscriber.off(this.sharded ? 'smessage' : 'message', this.onMessage);
    if (this.subscribed !== null && this.subscriber.status === 'ready') {
      const leave = this.sharded
        ? Promise.all(this.channels.map((channel) => this.subscriber.sunsubscribe(channel)))
        : this.subscriber.unsubscribe(...this.channels);
      await leave.catch((error: unknown) => {
        this.options.logger.debug({ err: error }, 'Unsubscribe failed while closing the status bus.');
      });
    }
    this.subscribed = null;
  }

  private ensureSubscribed(): Promise<void> {
    if (this.subscribed === null) {
      const attempt = this.subscribeAll();
      // A failed attempt is forgotten so that the next call (or readiness probe) tries again.
      attempt.catch(() => {
        if (this.subscribed === attempt) this.subscribed = null;
      });
      this.subscribed = attempt;
    }
    return this.subscribed;
  }

  private async subscribeAll(): Promise<void> {
    if (this.sharded) {
      await Promise.all(this.channels.map((channel) => this.subscriber.ssubscribe(channel)));
    } else {
      await this.subscriber.subscribe(...this.channels);
    }
    if (this.channels.length > 1 && this.options.streamHeads !== undefined) {
      // Read after subscribing: whatever was appended before the read is either covered by the head or
      // arrives here as well.
      const heads = await this.options.streamHeads();
      heads.forEach((head, partition) => this.advance(partition, head));
    }
  }

  private advance(partition: number, position: StreamCursor): void {
    const current = this.seen[partition];
    if (current !== undefined && compareStreamCursors(position, current) > 0) this.seen[partition] = position;
  }

  private deliver(channel: string, message: string): void {
    const partition = this.partitionOfChannel.get(channel);
    // With several partitions every event moves the cursor, listened to or not.
    if (partition === undefined || (this.channels.length === 1 && this.listeners.size === 0)) return;
    let event: StatusChangeEvent;
    let record: MessageRecord | null;
    try {
      ({ event, message: record } = decodePublishedStatus(message));
      if (this.channels.length > 1) {
        this.advance(partition, parseStreamCursor(event.cursor));
        event = { ...event, cursor: formatEventCursor({ positions: [...this.seen], own: partition }) };
      }
    } catch (error) {
      if (!(error instanceof StatusEventDecodeError) && !(error instanceof InvalidCursorError)) throw error;
      this.options.logger.warn(
        { reason: error.message },
        'Dropped a published event this version cannot read.',
      );
      return;
    }
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event, record);
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
