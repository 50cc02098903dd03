import { createMessageKeys, type MessageKeys } from './keys';
import { partitionHashTags } from './partitions';
import { positiveInteger, statusChannel } from './message-store-options';

/** Where the store writes and the bus listens: the partitions' keys and their channels. */
export interface RedisMessageLayout {
  /** The keys of each partition; index = `messagePartition(wamid, partitions.length)`. */
  partitions: MessageKeys[];
  /** The channel of each partition (one Redis with one partition: the single `statusChannel`). */
  channels: string[];
  /** Sharded pub/sub (SPUBLISH/SSUBSCRIBE), on Redis Cluster. */
  sharded: boolean;
}

export interface RedisMessageLayoutOptions {
  keyPrefix: string;
  /** Default 1. */
  partitions?: number;
  /** The single channel's name with one partition on one Redis. */
  channel?: string;
}

/** The layout the store and the bus must agree on. */
export function redisMessageLayout(options: RedisMessageLayoutOptions, sharded: boolean): RedisMessageLayout {
  const count = positiveInteger('partitions', options.partitions ?? 1);
  const partitions = partitionHashTags(count).map((tag) => createMessageKeys(options.keyPrefix, tag));
  const channels =
    count === 1 && !sharded
      ? [options.channel ?? statusChannel(options.keyPrefix)]
      : partitions.map((keys) => keys.shardChannel);
  return { partitions, channels, sharded };
}
