import {
  GraphApiError,
  UpstreamCallPolicy,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  createRetryPolicy,
  fullJitterGenerator,
  isTransientFailure,
  type RetryEvent,
  type RetryRule,
} from '../../../src/upstream';

const transient = (): GraphApiError =>
  GraphApiError.fromResponse(503, {
    error: { message: 'Service unavailable', type: 'OAuthException', code: 2 },
  });
const permanent = (): GraphApiError =>
  GraphApiError.fromResponse(400, {
    error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 },
  });

/** An operation that fails with the given errors in turn, then answers 'ok'; it counts its tries. */
function scripted(failures: Error[]): { run: (attempt: number) => Promise<string>; attempts: number[] } {
  const attempts: number[] = [];
  return {
    attempts,
    run: async (attempt) => {
      attempts.push(attempt);
      const failure = failures[attempts.length - 1];
      if (failure !== undefined) throw failure;
      return 'ok';
    },
  };
}

const fast = { initialDelayMs: 1, maxDelayMs: 4 };

describe('UpstreamCallPolicy retries', () => {
  it('retries transient failures with backoff and succeeds', async () => {
    const events: RetryEvent[] = [];
    const policy = new UpstreamCallPolicy({ retry: fast, onRetry: (e) => events.push(e) });
    const op = scripted([transient(), transient()]);
    await expect(policy.execute('phone_number', 'read', op.run)).resolves.toBe('ok');
    expect(op.attempts).toEqual([1, 2, 3]);
    expect(events.map((e) => [e.endpoint, e.failedAttempt])).toEqual([
      ['phone_number', 1],
      ['phone_number', 2],
    ]);
  });

  it('does not retry a permanent failure', async () => {
    const policy = new UpstreamCallPolicy({ retry: fast });
    const error = permanent();
    const op = scripted([error]);
    await expect(policy.execute('messages', 'send', op.run)).rejects.toBe(error);
    expect(op.attempts).toEqual([1]);
  });

  it('stops after maxAttempts tries and rethrows the last failure', async () => {
    const policy = new UpstreamCallPolicy({
      retry: { ...fast, maxAttempts: 4 },
      breaker: { consecutiveFailures: 99 },
    });
    const failures = [transient(), transient(), transient(), transient(), transient()];
    const op = scripted(failures);
    await expect(policy.execute('phone_number', 'read', op.run)).rejects.toBe(failures[3]);
    expect(op.attempts).toEqual([1, 2, 3, 4]);
  });

  it('defaults to three tries', async () => {
    const policy = new UpstreamCallPolicy({ retry: fast });
    const op = scripted([transient(), transient(), transient(), transient()]);
    await expect(policy.execute('phone_number', 'read', op.run)).rejects.toBeInstanceOf(GraphApiError);
    expect(op.attempts).toHaveLength(3);
  });

  it('does not retry at all with maxAttempts 1', async () => {
    const policy = new UpstreamCallPolicy({ retry: { ...fast, maxAttempts: 1 } });
    const op = scripted([transient()]);
    await expect(policy.execute('phone_number', 'read', op.run)).rejects.toBeInstanceOf(GraphApiError);
    expect(op.attempts).toEqual([1]);
  });

  const timeout = new UpstreamTimeoutError('messages', 100);
  const refused = new UpstreamNetworkError('messages', 'ECONNREFUSED', false);
  const cutOff = new UpstreamNetworkError('messages', 'ECONNRESET', true);
  const proxy502 = GraphApiError.fromResponse(502, '<html>Bad Gateway</html>');
  it.each<[string, Error, RetryRule, number]>([
    ['a timeout of a send', timeout, 'send', 1],
    ['a timeout of a read', timeout, 'read', 2],
    ['a refused connection of a send', refused, 'send', 2],
    ['an answer cut off during a send', cutOff, 'send', 1],
    ['an answer cut off during a read', cutOff, 'read', 2],
    ['a 502 without envelope to a send', proxy502, 'send', 1],
    ['a 502 without envelope to a read', proxy502, 'read', 2],
    ['a 503 envelope to a send', transient(), 'send', 2],
  ])('%s', async (_label, failure, rule, tries) => {
    const policy = new UpstreamCallPolicy({ retry: fast });
    const op = scripted([failure]);
    const outcome = policy.execute('messages', rule, op.run);
    if (tries === 1) await expect(outcome).rejects.toBe(failure);
    else await expect(outcome).resolves.toBe('ok');
    expect(op.attempts).toHaveLength(tries);
  });

  it('keeps the retry events of concurrent calls apart', async () => {
    const events: RetryEvent[] = [];
    const policy = new UpstreamCallPolicy({ retry: fast, onRetry: (e) => events.push(e) });
    const a = scripted([transient()]);
    const b = scripted([]);
    await Promise.all([
      policy.execute('messages', 'send', a.run),
      policy.execute('debug_token', 'read', b.run),
    ]);
    expect(events.map((e) => e.endpoint)).toEqual(['messages']);
  });

  it('refuses bad options at construction, naming them', () => {
    expect(() => new UpstreamCallPolicy({ retry: { maxAttempts: 0 } })).toThrow(/retry\.maxAttempts/);
    expect(() => new UpstreamCallPolicy({ retry: { initialDelayMs: 500, maxDelayMs: 100 } })).toThrow(
      /retry\.maxDelayMs/,
    );
    expect(() => new UpstreamCallPolicy({ breaker: { consecutiveFailures: 1.5 } })).toThrow(
      /breaker\.consecutiveFailures/,
    );
  });
});

describe('backoff', () => {
  it('grows the delays and keeps them at or below maxDelay', async () => {
    const delays: number[] = [];
    const policy = new UpstreamCallPolicy({
      retry: { maxAttempts: 7, initialDelayMs: 2, maxDelayMs: 10, random: () => 0.999 },
      onRetry: (e) => delays.push(e.delayMs),
    });
    const op = scripted(Array.from({ length: 6 }, transient));
    await expect(policy.execute('phone_number', 'read', op.run)).resolves.toBe('ok');
    // Ceilings 2, 4, 8, 10, 10, 10; with random near 1 each delay sits just under its ceiling.
    expect(delays).toEqual([1, 3, 7, 9, 9, 9]);
  });

  it('draws each delay uniformly below a doubling ceiling (full jitter)', () => {
    const options = {
      initialDelay: 100,
      maxDelay: 2000,
      exponent: 2,
      generator: fullJitterGenerator(Math.random),
    };
    const low = fullJitterGenerator(() => 0);
    const high = fullJitterGenerator(() => 0.9999999);
    const ceilings = [100, 200, 400, 800, 1600, 2000, 2000];
    ceilings.forEach((ceiling, attempt) => {
      expect(low(attempt, options)).toEqual([0, attempt + 1]);
      expect(high(attempt, options)[0]).toBe(ceiling - 1);
      const [random] = fullJitterGenerator(Math.random)(attempt, options);
      expect(random).toBeGreaterThanOrEqual(0);
      expect(random).toBeLessThan(ceiling);
    });
    expect(high(undefined, options)[0]).toBe(99);
  });

  it('createRetryPolicy counts tries, not retries', async () => {
    const policy = createRetryPolicy(isTransientFailure, {
      maxAttempts: 2,
      initialDelayMs: 0,
      maxDelayMs: 0,
    });
    let tries = 0;
    await expect(
      policy.execute(() => {
        tries += 1;
        throw transient();
      }),
    ).rejects.toBeInstanceOf(GraphApiError);
    expect(tries).toBe(2);
  });
});
