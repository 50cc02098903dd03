import {
  checkRateLimiterOptions,
  rateOptionsFor,
  takeToken,
  takeTokens,
  type RateDecision,
  type TokenGrant,
  type SendRateLimiter,
  type SendRateLimiterOptions,
} from '../send-rate-limiter';

export interface MemorySendRateLimiterOptions extends SendRateLimiterOptions {
  /** Epoch millis; default `Date.now`. */
  now?: () => number;
}

/** Token buckets for one process (the embedded mode). One bucket per sender: a handful, never swept. */
export class MemorySendRateLimiter implements SendRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly options: Required<SendRateLimiterOptions>;
  private readonly now: () => number;

  constructor(options: MemorySendRateLimiterOptions) {
    this.options = checkRateLimiterOptions(options);
    this.now = options.now ?? Date.now;
  }

  take(scope: string): Promise<RateDecision> {
    const now = this.now();
    const bucket = this.buckets.get(scope) ?? { tokens: this.options.burst, at: now };
    const { decision, ...next } = takeToken(bucket, now, this.options);
    this.buckets.set(scope, next);
    return Promise.resolve(decision);
  }

  takeUpTo(scope: string, count: number, ratePerSecond?: number): Promise<TokenGrant> {
    const now = this.now();
    const options = rateOptionsFor(this.options, ratePerSecond);
    const bucket = this.buckets.get(scope) ?? { tokens: options.burst, at: now };
    const { grant, ...next } = takeTokens(bucket, now, options, count);
    this.buckets.set(scope, next);
    return Promise.resolve(grant);
  }
}
