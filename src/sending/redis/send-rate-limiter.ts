import {
  checkRateLimiterOptions,
  rateOptionsFor,
  type RateDecision,
  type SendRateLimiter,
  type SendRateLimiterOptions,
  type TokenGrant,
} from '../send-rate-limiter';
import {
  decodeTakeTokenReply,
  encodeTakeTokenArgs,
  TAKE_TOKEN_COMMAND,
  TAKE_TOKEN_SCRIPT,
  type TakeTokenReply,
} from './send-rate-take-script';
import { defineScripts, type RedisConnection, type ScriptCommands } from '../../store-kit';

const RATE_SCRIPTS = { [TAKE_TOKEN_COMMAND]: TAKE_TOKEN_SCRIPT };

export interface RedisSendRateLimiterOptions extends SendRateLimiterOptions {
  /** Prepended to every key, e.g. `wa:` (the message store's prefix). */
  keyPrefix: string;
}

/**
 * Token buckets in Redis, one per sender, shared by every gateway on it: the rate holds for the fleet,
 * not per instance. One script run per decision. The connection is injected and never closed here.
 */
export class RedisSendRateLimiter implements SendRateLimiter {
  private readonly redis: RedisConnection & ScriptCommands<keyof typeof RATE_SCRIPTS>;
  private readonly options: Required<SendRateLimiterOptions>;
  private readonly keyPrefix: string;

  constructor(connection: RedisConnection, options: RedisSendRateLimiterOptions) {
    this.options = checkRateLimiterOptions(options);
    this.keyPrefix = `${options.keyPrefix}rate:`;
    this.redis = defineScripts(connection, RATE_SCRIPTS);
  }

  keyName(scope: string): string {
    return `${this.keyPrefix}${scope}`;
  }

  async take(scope: string): Promise<RateDecision> {
    const { taken, retryAfterMs } = await this.takeTokens(
      scope,
      this.options.ratePerSecond,
      this.options.burst,
      1,
    );
    return taken === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async takeUpTo(scope: string, count: number, ratePerSecond?: number): Promise<TokenGrant> {
    const options = rateOptionsFor(this.options, ratePerSecond);
    const { taken, retryAfterMs } = await this.takeTokens(scope, options.ratePerSecond, options.burst, count);
    return { granted: taken, retryAfterMs };
  }

  private async takeTokens(
    scope: string,
    ratePerSecond: number,
    burst: number,
    count: number,
  ): Promise<TakeTokenReply> {
    const reply = await this.redis[TAKE_TOKEN_COMMAND](
      this.keyName(scope),
      ...encodeTakeTokenArgs({ ratePerSecond, burst, count }),
    );
    return decodeTakeTokenReply(reply);
  }
}
