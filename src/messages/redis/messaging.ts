import { RedisMessageStore } from './message-store';
import { type RedisMessageStoreOptions } from './message-store-options';
import { RedisStatusBus } from './status-bus';
import { type RedisConnection } from '../../store-kit';

export interface RedisMessagingConnections {
  /** For commands and scripts; see `recommendedRedisOptions` (`recommendedClusterOptions` on a cluster). */
  command: RedisConnection;
  /** Dedicated to pub/sub: once subscribed it can run nothing else. On a cluster: `shardedSubscribers`. */
  subscriber: RedisConnection;
}

/** The Redis store and bus on one key prefix and channel. Neither closes the connections it is given. */
export function createRedisMessaging(
  connections: RedisMessagingConnections,
  options: RedisMessageStoreOptions,
): { store: RedisMessageStore; bus: RedisStatusBus } {
  if (connections.command === connections.subscriber) {
    throw new Error(
      'The store and the bus need two separate Redis connections (a subscriber runs nothing else).',
    );
  }
  if (connections.command.isCluster !== connections.subscriber.isCluster) {
    throw new Error('The store and the bus must both be on one Redis or both on the same cluster.');
  }
  const store = new RedisMessageStore(connections.command, options);
  return {
    store,
    bus: new RedisStatusBus(connections.subscriber, {
      keyPrefix: options.keyPrefix,
      channel: options.channel,
      partitions: options.partitions,
      streamHeads: () => store.streamHeads(),
      logger: options.logger,
    }),
  };
}
