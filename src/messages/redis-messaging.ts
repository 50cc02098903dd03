import { type Redis } from 'ioredis';
import { RedisMessageStore } from './redis-message-store';
import { type RedisMessageStoreOptions } from './redis-message-store-options';
import { RedisStatusBus } from './redis-status-bus';

export interface RedisMessagingConnections {
  /** For commands and scripts; see `recommendedRedisOptions`. */
  command: Redis;
  /** Dedicated to pub/sub: once subscribed it can run nothing else. */
  subscriber: Redis;
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
  return {
    store: new RedisMessageStore(connections.command, options),
    bus: new RedisStatusBus(connections.subscriber, {
      keyPrefix: options.keyPrefix,
      channel: options.channel,
      logger: options.logger,
    }),
  };
}
