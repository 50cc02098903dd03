import { type RedisOptions } from 'ioredis';

/**
 * ioredis options the composition root should use for the store's and the bus's connections.
 *
 * - `enableOfflineQueue: false` and `maxRetriesPerRequest: 1`: while Redis is down a command fails at
 *   once instead of waiting in a queue, so a webhook is answered 5xx (Meta retries) rather than hanging.
 * - `retryStrategy`: reconnect for ever, backing off to at most 2 s, so the gateway recovers by itself.
 * - `autoResubscribe: true` (the default, required by `RedisStatusBus`): the bus's channel is subscribed
 *   again after a reconnect.
 * - `enableReadyCheck: true`: `ready` (which `ping()` reads) means Redis finished loading.
 */
export const recommendedRedisOptions: Readonly<RedisOptions> = Object.freeze({
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  autoResubscribe: true,
  enableReadyCheck: true,
  connectTimeout: 5_000,
  retryStrategy: (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 10), 2_000),
});
