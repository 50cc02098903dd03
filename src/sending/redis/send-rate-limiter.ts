import {
  checkRateLimiterOptions,
  rateOptionsFor,
  type RateDecision,
  type SendRateLimiter,
  type SendRateLimiterOptions,
  type TokenGrant,
} from '../send-rate-limiter';
import { type RedisConnection } from '../../store-kit';

/**
 * `takeToken` of send-rate-limiter.ts in Lua, on Redis's own clock so that gateways with skewed clocks
 * share one bucket fairly. The bucket expires once it would be full again: an idle sender costs nothing.
 *
 * KEYS: 1 the bucket, `<prefix>rate:<sender>` (one key per script: no hash tag needed on a cluster).
 * ARGV: 1 tokens a second, 2 burst, 3 most tokens to take (default 1). Returns `{tokens taken, 0}` or
 * `{0, retry-after ms}`.
 */
const TAKE_TOKEN_LUA = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3]) or 1
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or burst
local at = tonumber(saved[2]) or now
if now > at then tokens = math.min(burst, tokens + (now - at) * rate / 1000) end
local allowed, wait = 0, 0
if tokens >= 1 then
  allowed = math.min(want, math.floor(tokens))
  tokens = tokens - allowed
else
  wait = math.max(1, math.ceil((1 - tokens) * 1000 / rate - 1e-6))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}
`;

interface RateScripts {
  waSendRateTake(key: string, ratePerSecond: number, burst: number, count: number): Promise<[number, number]>;
}

export interface RedisSendRateLimiterOptions extends SendRateLimiterOptions {
  /** Prepended to every key, e.g. `wa:` (the message store's prefix). */
  keyPrefix: string;
}

/**
 * Token buckets in Redis, one per sender, shared by every gateway on it: the rate holds for the fleet,
 * not per instance. One script run per decision. The connection is injected and never closed here.
 */
export class RedisSendRateLimiter implements SendRateLimiter {
  private readonly redis: RedisConnection & RateScripts;
  private readonly options: Required<SendRateLimiterOptions>;
  private readonly keyPrefix: string;

  constructor(connection: RedisConnection, options: RedisSendRateLimiterOptions) {
    this.options = checkRateLimiterOptions(options);
    this.keyPrefix = `${options.keyPrefix}rate:`;
    connection.defineCommand('waSendRateTake', { numberOfKeys: 1, lua: TAKE_TOKEN_LUA });
    this.redis = connection as RedisConnection & RateScripts;
  }

  keyName(scope: string): string {
    return `${this.keyPrefix}${scope}`;
  }

  async take(scope: string): Promise<RateDecision> {
    const [allowed, retryAfterMs] = await this.redis.waSendRateTake(
      this.keyName(scope),
      this.options.ratePerSecond,
      this.options.burst,
      1,
    );
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async takeUpTo(scope: string, count: number, ratePerSecond?: number): Promise<TokenGrant> {
    const options = rateOptionsFor(this.options, ratePerSecond);
    const [granted, retryAfterMs] = await this.redis.waSendRateTake(
      this.keyName(scope),
      options.ratePerSecond,
      options.burst,
      count,
    );
    return { granted, retryAfterMs };
  }
}
