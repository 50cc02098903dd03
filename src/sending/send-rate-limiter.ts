/** One decision of a rate limiter: go ahead, or wait this long before trying again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A token bucket per scope (a sender's phone number id): `ratePerSecond` tokens a second, at most
 * `burst` saved up. Each allowed send takes one token; a refused call takes none.
 */
export interface SendRateLimiter {
  take(scope: string): Promise<RateDecision>;
  /**
   * Takes as many whole tokens as there are, up to `count` (at least one, or none and a retry-after):
   * a caller that leases a block of tokens pays one round trip for several sends. `ratePerSecond`, when
   * given, is this scope's own rate (a sender's throughput level), with a second's worth of burst.
   */
  takeUpTo(scope: string, count: number, ratePerSecond?: number): Promise<TokenGrant>;
}

/** Tokens taken at once: `granted` ≥ 1, or 0 and how long until there is one. */
export interface TokenGrant {
  granted: number;
  retryAfterMs: number;
}

export interface SendRateLimiterOptions {
  /** Sends a second, per scope (config: `SEND_RATE_LIMIT_PER_SECOND`, 80 by default). */
  ratePerSecond: number;
  /** The most sends allowed at once after a quiet spell. Default: one second's worth (`ratePerSecond`). */
  burst?: number;
}

/** The options for one call: a scope's own rate, with a second's worth of burst, or the configured ones. */
export function rateOptionsFor(
  options: Required<SendRateLimiterOptions>,
  ratePerSecond: number | undefined,
): Required<SendRateLimiterOptions> {
  return ratePerSecond === undefined || ratePerSecond === options.ratePerSecond
    ? options
    : { ratePerSecond, burst: Math.max(1, Math.floor(ratePerSecond)) };
}

/** Checks the options at construction, with errors that name the fix. */
export function checkRateLimiterOptions(options: SendRateLimiterOptions): Required<SendRateLimiterOptions> {
  const { ratePerSecond } = options;
  const burst = options.burst ?? ratePerSecond;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new Error(`ratePerSecond must be a positive number, got ${String(ratePerSecond)}.`);
  }
  if (!Number.isSafeInteger(burst) || burst < 1) {
    throw new Error(`burst must be a whole number of at least 1, got ${String(burst)}.`);
  }
  return { ratePerSecond, burst };
}

/**
 * The bucket's arithmetic, shared by the memory limiter and mirrored in the Redis script: refill for the
 * time passed, then take a token or say how long until there is one.
 */
export function takeToken(
  bucket: { tokens: number; at: number },
  now: number,
  options: Required<SendRateLimiterOptions>,
): { tokens: number; at: number; decision: RateDecision } {
  const { grant, ...next } = takeTokens(bucket, now, options, 1);
  const decision: RateDecision =
    grant.granted > 0 ? { allowed: true } : { allowed: false, retryAfterMs: grant.retryAfterMs };
  return { ...next, decision };
}

/** `takeToken` for up to `count` whole tokens at once; mirrored in the Redis script. */
export function takeTokens(
  bucket: { tokens: number; at: number },
  now: number,
  options: Required<SendRateLimiterOptions>,
  count: number,
): { tokens: number; at: number; grant: TokenGrant } {
  const elapsed = Math.max(0, now - bucket.at);
  const tokens = Math.min(options.burst, bucket.tokens + (elapsed * options.ratePerSecond) / 1000);
  if (tokens >= 1) {
    const granted = Math.min(count, Math.floor(tokens));
    return { tokens: tokens - granted, at: now, grant: { granted, retryAfterMs: 0 } };
  }
  // The epsilon keeps float dust (1 - 0.998 = 0.0020000000000000018) from adding a whole millisecond.
  const retryAfterMs = Math.max(1, Math.ceil(((1 - tokens) * 1000) / options.ratePerSecond - 1e-6));
  return { tokens, at: now, grant: { granted: 0, retryAfterMs } };
}
