import { type ClusterOptions, type RedisOptions } from 'ioredis';

/** The default of `REDIS_COMMAND_TIMEOUT_MS`: well above a healthy command's milliseconds, well below Meta's patience. */
const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 2_000;

/**
 * ioredis options the composition root should use for the stores' and the buses' connections.
 *
 * - `enableOfflineQueue: false` and `maxRetriesPerRequest: 1`: while Redis is down a command fails at
 *   once instead of waiting in a queue, so a webhook is answered 5xx (Meta retries) rather than hanging.
 * - `retryStrategy`: reconnect for ever, backing off to at most 2 s, so the gateway recovers by itself.
 * - `autoResubscribe: true` (the default, required by `RedisStatusBus`): the bus's channel is subscribed
 *   again after a reconnect.
 * - `enableReadyCheck: true`: `ready` (which `ping()` reads) means Redis finished loading.
 * - `commandTimeout`: a Redis that hangs (stopped, swapping, stuck in a slow script) keeps its connections
 *   open, so neither of the above notices it; a command unanswered after this long fails, and the webhook
 *   is answered 503 within seconds instead of waiting for Redis to wake up. The command itself stays in
 *   the connection's reply queue, so replies still pair up with their commands once Redis answers (and
 *   may still take effect then: every write is idempotent, and Meta retries the refused body).
 *   The composition root sets it from `REDIS_COMMAND_TIMEOUT_MS`.
 */
export const recommendedRedisOptions: Readonly<RedisOptions> = Object.freeze({
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  autoResubscribe: true,
  enableReadyCheck: true,
  connectTimeout: 5_000,
  retryStrategy: (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 10), 2_000),
});

/**
 * ioredis options for the store's and the bus's Redis Cluster connections, the cluster counterpart of
 * `recommendedRedisOptions` (give the bus's connection `shardedSubscribers: true` as well).
 *
 * - `enableOfflineQueue: false`: while the cluster is unreachable a command fails at once (webhooks are
 *   answered 5xx and retried by Meta). The node connections keep their queue: ioredis opens them on first
 *   use, and a command must be able to wait for that.
 * - `clusterRetryStrategy`: reconnect for ever, backing off to at most 2 s.
 * - `commandTimeout` on the node connections, as for a single Redis: a hung node fails its commands.
 * - No `enableAutoPipelining`: it routes by a command's first argument, which for XINFO (and for a sharded
 *   subscriber's SSUBSCRIBE) is not the key, and the answer is MOVED. The store sends a method's commands
 *   to all partitions at once anyway; on each node's connection they travel back to back.
 */
export const recommendedClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  enableOfflineQueue: false,
  enableReadyCheck: true,
  clusterRetryStrategy: (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 10), 2_000),
  redisOptions: {
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    autoResubscribe: true,
    commandTimeout: DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  },
});
