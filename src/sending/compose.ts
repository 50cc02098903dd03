import { type Cluster, type Redis } from 'ioredis';
import { type Config } from '../config';
import { type MessageStore } from '../messages';
import { type Logger } from '../observability';
import { IdempotentSender } from './idempotent-sender';
import { MemoryIdempotencyStore } from './memory/idempotency-store';
import { MemorySendRateLimiter } from './memory/send-rate-limiter';
import { RateLimitedSender } from './rate-limited-sender';
import { RedisIdempotencyStore } from './redis/idempotency-store';
import { RedisSendRateLimiter } from './redis/send-rate-limiter';
import { type SendHandler } from './send-outcome';
import { type SenderThroughput } from './sender-throughput';

export interface SendHandlerParts {
  config: Config;
  /** The sender that calls the Cloud API. */
  sender: SendHandler;
  store: MessageStore;
  /**
   * The store's command connection (a single Redis or a Cluster: every script touches one key); null in
   * embedded mode, where keys and buckets live in memory.
   */
  redis: Redis | Cluster | null;
  keyPrefix: string;
  logger: Logger;
  /** Each sender's throughput level, when the gateway can look it up. */
  throughput?: SenderThroughput;
}

/** A sender's level's rate, capped by SEND_RATE_LIMIT_PER_SECOND when that was set. */
function rateOfSender(
  config: Config,
  throughput: SenderThroughput,
): (phoneNumberId: string) => number | undefined {
  return (phoneNumberId) => {
    const level = throughput.rateOf(phoneNumberId);
    if (level === undefined) return undefined;
    return config.sendRateCapped ? Math.min(level, config.sendRatePerSecond) : level;
  };
}

/**
 * What `sendMessage` calls: idempotency outside, the per-sender rate limit inside, then the sender.
 * This order answers a repeat whose key already holds a result even while the sender is over its rate
 * (a repeat makes no upstream call, so it costs no token), and a call refused by the limit releases its
 * key so that the client's retry sends.
 */
export function composeSendHandler(parts: SendHandlerParts): SendHandler {
  const { config, redis } = parts;
  // A claim must outlive the slowest send: up to three tries of the upstream timeout, plus backoff.
  const pendingLeaseMs = Math.max(30_000, 3 * config.upstreamTimeoutMs + 10_000);
  const keyOptions = { ttlMs: config.idempotencyTtlSeconds * 1000, pendingLeaseMs };
  const rate = { ratePerSecond: config.sendRatePerSecond };
  const keys =
    redis === null
      ? new MemoryIdempotencyStore(keyOptions)
      : new RedisIdempotencyStore(redis, { ...keyOptions, keyPrefix: parts.keyPrefix });
  const limiter =
    redis === null
      ? new MemorySendRateLimiter(rate)
      : new RedisSendRateLimiter(redis, { ...rate, keyPrefix: parts.keyPrefix });
  return new IdempotentSender({
    inner: new RateLimitedSender({
      inner: parts.sender,
      limiter,
      ratePerSecond: config.sendRatePerSecond,
      ...(parts.throughput !== undefined && { rateOf: rateOfSender(config, parts.throughput) }),
    }),
    keys,
    messages: parts.store,
    // Past the lease, so that a waiting repeat takes over the key of a gateway that died mid-send.
    waitTimeoutMs: pendingLeaseMs + 5_000,
    logger: parts.logger.child({ component: 'idempotency' }),
  });
}
