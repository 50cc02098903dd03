import { takeToken } from '../../../src/sending/send-rate-limiter';
import { MemorySendRateLimiter } from '../../../src/sending';

describe('takeToken (the bucket arithmetic shared with the Redis script)', () => {
  const options = { ratePerSecond: 4, burst: 2 };

  it.each([
    ['a full bucket gives a token', { tokens: 2, at: 0 }, 0, { tokens: 1, allowed: true }],
    ['time refills at the rate', { tokens: 0, at: 0 }, 250, { tokens: 0, allowed: true }],
    ['refill stops at the burst', { tokens: 0, at: 0 }, 10_000, { tokens: 1, allowed: true }],
    ['an empty bucket refuses', { tokens: 0, at: 0 }, 0, { tokens: 0, allowed: false }],
    ['a clock going back refills nothing', { tokens: 0.5, at: 1_000 }, 900, { tokens: 0.5, allowed: false }],
  ])('%s', (_name, bucket, now, expected) => {
    const result = takeToken(bucket, now, options);
    expect({ tokens: result.tokens, allowed: result.decision.allowed }).toEqual(expected);
  });

  it('says how long until the next token, at least 1 ms', () => {
    expect(takeToken({ tokens: 0, at: 0 }, 0, options).decision).toEqual({
      allowed: false,
      retryAfterMs: 250,
    });
    expect(takeToken({ tokens: 0.75, at: 0 }, 0, options).decision).toEqual({
      allowed: false,
      retryAfterMs: 63,
    });
    expect(takeToken({ tokens: 0.99999, at: 0 }, 0, options).decision).toEqual({
      allowed: false,
      retryAfterMs: 1,
    });
  });
});

describe('MemorySendRateLimiter', () => {
  it('allows the burst, refuses the excess with a retry-after, and refills with time', async () => {
    let now = 1_000;
    const limiter = new MemorySendRateLimiter({ ratePerSecond: 2, now: () => now });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limiter.take('106540352242922'));
    expect(decisions).toEqual([{ allowed: true }, { allowed: true }, { allowed: false, retryAfterMs: 500 }]);

    now += 500;
    expect(await limiter.take('106540352242922')).toEqual({ allowed: true });
    expect(await limiter.take('106540352242922')).toEqual({ allowed: false, retryAfterMs: 500 });
  });

  it('counts the retry-after from the tokens already refilled', async () => {
    let now = 0;
    const limiter = new MemorySendRateLimiter({ ratePerSecond: 2, burst: 1, now: () => now });
    expect(await limiter.take('pn')).toEqual({ allowed: true });
    now = 499;
    expect(await limiter.take('pn')).toEqual({ allowed: false, retryAfterMs: 1 });
  });

  it('keeps one bucket per sender', async () => {
    const limiter = new MemorySendRateLimiter({ ratePerSecond: 1, now: () => 0 });
    expect(await limiter.take('1')).toEqual({ allowed: true });
    expect(await limiter.take('1')).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(await limiter.take('2')).toEqual({ allowed: true });
  });
});
