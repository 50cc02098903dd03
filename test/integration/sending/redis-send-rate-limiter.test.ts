import { connectRedis, deleteKeys, randomPrefix } from '../messages/redis-harness';
import { waitFor } from '../../support/gateway-harness';
import { RedisSendRateLimiter } from '../../../src/sending';

describe('RedisSendRateLimiter', () => {
  const prefix = randomPrefix();
  let a: Awaited<ReturnType<typeof connectRedis>>;
  let b: Awaited<ReturnType<typeof connectRedis>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([connectRedis(), connectRedis()]);
  });
  afterAll(async () => {
    await deleteKeys(a, prefix);
    a.disconnect();
    b.disconnect();
  });

  it('holds the rate across gateways: one bucket per sender, shared through Redis', async () => {
    // A token per 100 s: however slow the calls, none refills during the test.
    const options = { keyPrefix: prefix, ratePerSecond: 0.01, burst: 3 };
    const first = new RedisSendRateLimiter(a, options);
    const second = new RedisSendRateLimiter(b, options);
    const decisions = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? first : second).take('shared-sender')),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    for (const decision of decisions.filter((d) => !d.allowed)) {
      expect(decision).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
      if (!decision.allowed) {
        expect(decision.retryAfterMs).toBeGreaterThanOrEqual(1);
        expect(decision.retryAfterMs).toBeLessThanOrEqual(100_000);
      }
    }
    expect(await first.take('another-sender')).toEqual({ allowed: true });
  });

  it('refills with time, and lets an idle bucket expire', async () => {
    const limiter = new RedisSendRateLimiter(a, { keyPrefix: prefix, ratePerSecond: 20, burst: 1 });
    expect(await limiter.take('refill')).toEqual({ allowed: true });
    await waitFor(async () => (await limiter.take('refill')).allowed, 2_000);
    const ttl = await a.pttl(limiter.keyName('refill'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_050);
  });

  it('takes blocks of tokens in one script run, never more than the bucket holds, across gateways', async () => {
    const options = { keyPrefix: prefix, ratePerSecond: 0.01, burst: 10 };
    const first = new RedisSendRateLimiter(a, options);
    const second = new RedisSendRateLimiter(b, options);
    expect(await first.takeUpTo('blocks', 4)).toEqual({ granted: 4, retryAfterMs: 0 });
    expect(await second.takeUpTo('blocks', 4)).toEqual({ granted: 4, retryAfterMs: 0 });
    expect(await first.takeUpTo('blocks', 4)).toEqual({ granted: 2, retryAfterMs: 0 });
    const empty = await second.takeUpTo('blocks', 4);
    expect(empty.granted).toBe(0);
    expect(empty.retryAfterMs).toBeGreaterThanOrEqual(1);
    expect(await first.take('blocks')).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
  });
});
