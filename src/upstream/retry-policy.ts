import { ExponentialBackoff, handleWhen, retry, type GeneratorFn, type RetryPolicy } from 'cockatiel';
import { UpstreamCircuitBreaker, type BreakerOptions } from './circuit-breaker';
import { isRetryableSendFailure, isTransientFailure } from './graph-api-error';
import { wholeNumberOption } from './option-checks';
import { type UpstreamEndpoint } from './upstream-endpoint';

export interface RetryOptions {
  /** Tries per logical call, the first one included. Default 3; 1 turns retries off. */
  maxAttempts?: number;
  /** Ceiling of the first delay, in ms; each later ceiling doubles. Default 100. */
  initialDelayMs?: number;
  /** No delay exceeds this, in ms. Default 2,000. */
  maxDelayMs?: number;
  /** Randomness for the jitter, in [0, 1). Default `Math.random`; tests pass a fixed source. */
  random?: () => number;
}

/** One retry about to happen: the try that failed, why, and the delay before the next one. */
export interface RetryEvent {
  endpoint: UpstreamEndpoint;
  /** The number of the try that failed (1 for the first). */
  failedAttempt: number;
  delayMs: number;
  error: Error;
}

/**
 * How a call may be retried. `read`: any transient failure, timeouts included (GETs, and marking as
 * read, are idempotent). `send`: only failures that surely created no message, see
 * {@link isRetryableSendFailure}: Meta does not dedupe sends.
 */
export type RetryRule = 'read' | 'send';

/**
 * Full jitter: each delay is uniform in [0, ceiling), the ceiling doubling from `initialDelay` up to
 * `maxDelay`. Spreads the retries of many callers instead of syncing them on the same instants.
 */
export function fullJitterGenerator(random: () => number): GeneratorFn<number> {
  return (attempt = 0, options) => {
    const ceiling = Math.min(options.maxDelay, options.initialDelay * 2 ** attempt);
    return [Math.floor(random() * ceiling), attempt + 1];
  };
}

/** A cockatiel retry policy that retries the errors `shouldRetry` accepts, with exponential full-jitter backoff. */
export function createRetryPolicy(
  shouldRetry: (err: Error) => boolean,
  options: RetryOptions = {},
): RetryPolicy {
  const maxAttempts = wholeNumberOption('retry.maxAttempts', options.maxAttempts, 3, 1);
  const initialDelay = wholeNumberOption('retry.initialDelayMs', options.initialDelayMs, 100, 0);
  const maxDelay = wholeNumberOption('retry.maxDelayMs', options.maxDelayMs, 2_000, 0);
  if (maxDelay < initialDelay) {
    throw new RangeError(
      `retry.maxDelayMs (${maxDelay}) must not be below retry.initialDelayMs (${initialDelay}).`,
    );
  }
  return retry(handleWhen(shouldRetry), {
    // cockatiel counts retries, not tries: the first try is not one of its attempts.
    maxAttempts: maxAttempts - 1,
    backoff: new ExponentialBackoff({
      generator: fullJitterGenerator(options.random ?? Math.random),
      initialDelay,
      maxDelay,
    }),
  });
}

export interface UpstreamCallPolicyOptions {
  retry?: RetryOptions;
  breaker?: BreakerOptions;
  /** Called before each retry's delay; for logs and metrics. Must not throw. */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Retries inside a circuit breaker. The breaker is outside, so one logical call counts once however
 * many tries it took, and an open circuit refuses the call before any try.
 */
export class UpstreamCallPolicy {
  readonly breaker: UpstreamCircuitBreaker;
  private readonly retryOptions: RetryOptions;
  private readonly onRetry?: (event: RetryEvent) => void;
  /**
   * One retry policy per endpoint and rule, built on first use and kept: a cockatiel policy keeps no
   * state between executions, and building one (backoff, filter, emitters) for every call costs more
   * than the call's own bookkeeping. Keyed by endpoint so that its retry events name the endpoint.
   */
  private readonly retries = new Map<string, RetryPolicy>();

  constructor(options: UpstreamCallPolicyOptions = {}) {
    this.breaker = new UpstreamCircuitBreaker(options.breaker);
    this.retryOptions = { ...options.retry };
    // Built once here so that bad options fail at construction, not on the first call.
    createRetryPolicy(isTransientFailure, this.retryOptions);
    this.onRetry = options.onRetry;
  }

  /** Runs `call` (given the try number, from 1) under the breaker, retrying as `rule` allows. */
  execute<T>(endpoint: UpstreamEndpoint, rule: RetryRule, call: (attempt: number) => Promise<T>): Promise<T> {
    const policy = this.retryPolicy(endpoint, rule);
    return this.breaker.execute(endpoint, () => policy.execute((context) => call(context.attempt + 1)));
  }

  private retryPolicy(endpoint: UpstreamEndpoint, rule: RetryRule): RetryPolicy {
    const key = `${rule}:${endpoint}`;
    let policy = this.retries.get(key);
    if (policy !== undefined) return policy;
    policy = createRetryPolicy(RETRY_FILTERS[rule], this.retryOptions);
    const onRetry = this.onRetry;
    if (onRetry !== undefined) {
      policy.onRetry((event) => {
        if ('error' in event) {
          onRetry({ endpoint, failedAttempt: event.attempt, delayMs: event.delay, error: event.error });
        }
      });
    }
    this.retries.set(key, policy);
    return policy;
  }
}

const RETRY_FILTERS: Record<RetryRule, (err: Error) => boolean> = {
  read: isTransientFailure,
  send: isRetryableSendFailure,
};
