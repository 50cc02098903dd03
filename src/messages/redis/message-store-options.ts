import { type Logger } from '../../observability';

/** How the Redis stream is trimmed when an event is appended. */
export enum StreamTrimMode {
  /** `MAXLEN ~`: cheap, trims whole nodes, may keep somewhat more than the maximum. The default. */
  APPROXIMATE = 'APPROXIMATE',
  /** `MAXLEN =`: keeps exactly the maximum; costs more per append. */
  EXACT = 'EXACT',
}

/** Topic names of the message domain, each one a Redis pub/sub channel under the key prefix. */
export enum MessageTopic {
  STATUS_CHANGED = 'status-changed',
}

/** The pub/sub channel of status events for a key prefix. */
export function statusChannel(keyPrefix: string): string {
  return `${keyPrefix}${MessageTopic.STATUS_CHANGED}`;
}

export interface RedisMessageStoreOptions {
  /** Prepended to every key and to the channel, e.g. `wa:`. Two gateways share state when it is equal. */
  keyPrefix: string;
  /** Events kept in each partition's stream for replay with `since`. Default 100,000. */
  streamMaxLength?: number;
  /**
   * Partitions of the keyspace (`partitions.ts`): 1 on a single Redis (the default), more on
   * Redis Cluster (`CLUSTER_PARTITION_COUNT`). Part of the data layout: never change it for existing data.
   */
  partitions?: number;
  /** Default `APPROXIMATE` (`MAXLEN ~`). */
  streamTrim?: StreamTrimMode;
  /**
   * The channel events are published on with one partition. Default `statusChannel(keyPrefix)`; the bus
   * must use the same. With several partitions each has its own (`MessageKeys.shardChannel`).
   */
  channel?: string;
  /**
   * The most index entries one `list` call walks when filters reject records; the page then comes back
   * short with `hasNextPage` and a cursor where the walk stopped. Default 5,000.
   */
  listScanLimit?: number;
  /**
   * How long a message is kept after its createdAt, in ms (`MESSAGE_RETENTION_DAYS`): its record and
   * its inbound times expire, indexes drop it. Default 30 days.
   */
  retentionMs?: number;
  /** Logs events dropped because they could not be decoded. */
  logger: Logger;
}

export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${String(value)}.`);
  }
  return value;
}
