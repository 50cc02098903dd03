import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { UpstreamUnavailableError } from './errors';
import { isTransientFailure } from './graph-api-error';
import { wholeNumberOption } from './option-checks';
import { type UpstreamEndpoint } from './upstream-endpoint';

/** The breaker's state as `/readyz` and metrics report it. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive transient failures (one per logical call, retries included) that open the circuit. Default 5. */
  consecutiveFailures?: number;
  /**
   * Milliseconds the circuit stays open; the first call after that is let through as a trial, which
   * closes the circuit on success and opens it again on a transient failure. Default 10,000.
   */
  halfOpenAfterMs?: number;
}

/**
 * Fails fast while the Graph API is down. Only transient failures count: a permanent refusal (a bad
 * parameter, an expired token) proves the upstream is up, so it neither counts nor resets the count.
 */
export class UpstreamCircuitBreaker {
  private readonly policy: CircuitBreakerPolicy;

  constructor(options: BreakerOptions = {}) {
    const threshold = wholeNumberOption('breaker.consecutiveFailures', options.consecutiveFailures, 5, 1);
    const halfOpenAfter = wholeNumberOption('breaker.halfOpenAfterMs', options.halfOpenAfterMs, 10_000, 1);
    this.policy = circuitBreaker(handleWhen(isTransientFailure), {
      halfOpenAfter,
      breaker: new ConsecutiveBreaker(threshold),
    });
  }

  /**
   * The current state. An open circuit reports `open` until the first call after `halfOpenAfterMs`,
   * which turns it `half-open` while that trial runs.
   */
  get state(): BreakerState {
    return toBreakerState(this.policy.state);
  }

  /** Calls the listener on every transition; returns a function that removes it. */
  onStateChange(listener: (state: BreakerState) => void): () => void {
    const subscription = this.policy.onStateChange((state) => listener(toBreakerState(state)));
    return () => subscription.dispose();
  }

  /** Runs one logical call; throws {@link UpstreamUnavailableError} at once while the circuit is open. */
  async execute<T>(endpoint: UpstreamEndpoint, call: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(call);
    } catch (err) {
      // IsolatedCircuitError is a BrokenCircuitError too; the gateway never isolates, but it maps the same.
      if (err instanceof BrokenCircuitError) throw new UpstreamUnavailableError(endpoint);
      throw err;
    }
  }
}

function toBreakerState(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
    default: {
      const unreachable: never = state;
      throw new Error(`Unknown circuit state ${String(unreachable)}`);
    }
  }
}
