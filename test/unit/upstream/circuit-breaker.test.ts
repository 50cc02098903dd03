import {
  GraphApiError,
  UpstreamCallPolicy,
  UpstreamCircuitBreaker,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type BreakerState,
} from '../../../src/upstream';

const transient = (): GraphApiError =>
  GraphApiError.fromResponse(500, { error: { message: 'Something went wrong', type: 'T', code: 131000 } });
const permanent = (): GraphApiError =>
  GraphApiError.fromResponse(400, { error: { message: 'Undeliverable', type: 'T', code: 131026 } });

const fail = (error: Error) => async (): Promise<never> => {
  throw error;
};

/** Polls `attempt` until it stops throwing UpstreamUnavailableError, failing after the deadline. */
async function untilNotRefused<T>(attempt: () => Promise<T>, deadlineMs = 3000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof UpstreamUnavailableError) || Date.now() > deadline) throw err;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe('UpstreamCircuitBreaker', () => {
  it('opens after N consecutive transient failures and then fails fast', async () => {
    const breaker = new UpstreamCircuitBreaker({ consecutiveFailures: 3, halfOpenAfterMs: 60_000 });
    const states: BreakerState[] = [];
    breaker.onStateChange((s) => states.push(s));
    for (let i = 0; i < 2; i++)
      await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    await expect(
      breaker.execute('messages', fail(new UpstreamTimeoutError('messages', 5))),
    ).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(breaker.state).toBe('open');
    expect(states).toEqual(['open']);

    let called = false;
    const refused = breaker.execute('phone_number', async () => {
      called = true;
      return 1;
    });
    await expect(refused).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(refused).rejects.toMatchObject({ endpoint: 'phone_number' });
    expect(called).toBe(false);
  });

  it('does not count permanent failures', async () => {
    const breaker = new UpstreamCircuitBreaker({ consecutiveFailures: 2 });
    for (let i = 0; i < 10; i++)
      await expect(breaker.execute('messages', fail(permanent()))).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('resets the count on a success', async () => {
    const breaker = new UpstreamCircuitBreaker({ consecutiveFailures: 2 });
    await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    await breaker.execute('messages', async () => 'ok');
    await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('half-opens after the delay and closes on a successful trial', async () => {
    const breaker = new UpstreamCircuitBreaker({ consecutiveFailures: 1, halfOpenAfterMs: 30 });
    const states: BreakerState[] = [];
    const stop = breaker.onStateChange((s) => states.push(s));
    await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    expect(breaker.state).toBe('open');

    const seen: BreakerState[] = [];
    const result = await untilNotRefused(() =>
      breaker.execute('messages', async () => {
        // The trial starts synchronously, before the breaker records the transition.
        await new Promise((resolve) => setImmediate(resolve));
        seen.push(breaker.state);
        return 'ok';
      }),
    );
    expect(result).toBe('ok');
    expect(seen).toEqual(['half-open']);
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);

    stop();
    await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    expect(states).toHaveLength(3);
  });

  it('opens again when the trial fails', async () => {
    const breaker = new UpstreamCircuitBreaker({ consecutiveFailures: 1, halfOpenAfterMs: 30 });
    await expect(breaker.execute('messages', fail(transient()))).rejects.toThrow();
    const error = transient();
    await expect(untilNotRefused(() => breaker.execute('messages', fail(error)))).rejects.toBe(error);
    expect(breaker.state).toBe('open');
  });
});

describe('UpstreamCallPolicy: breaker outside retries', () => {
  it('counts one logical call once, however many tries it took', async () => {
    const policy = new UpstreamCallPolicy({
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
    });
    let tries = 0;
    const op = async (): Promise<never> => {
      tries += 1;
      throw transient();
    };
    await expect(policy.execute('phone_number', 'read', op)).rejects.toBeInstanceOf(GraphApiError);
    expect(tries).toBe(3);
    expect(policy.breaker.state).toBe('closed');
    await expect(policy.execute('phone_number', 'read', op)).rejects.toBeInstanceOf(GraphApiError);
    expect(policy.breaker.state).toBe('open');
    await expect(policy.execute('phone_number', 'read', op)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(tries).toBe(6);
  });
});
