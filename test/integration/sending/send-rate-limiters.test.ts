import { type Redis } from 'ioredis';
import { connectRedis, deleteKeys, randomPrefix } from '../messages/redis-harness';
import { MemorySendRateLimiter, RedisSendRateLimiter, type SendRateLimiter } from '../../../src/sending';

/**
 * The contract every send rate limiter keeps, run against the in-process one and the Redis one: one
 * bucket per sender, a burst then a refill at the rate (never past the burst), a refusal that takes
 * nothing, blocks never larger than the bucket holds, a sender's own rate (its throughput level) when the
 * caller gives one, and bad options refused at construction.
 */
let redis: Redis;
const prefix = randomPrefix();
beforeAll(async () => {
  redis = await connectRedis();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

let clock = 1_000_000;
/** Time passes for both: the memory limiter's clock moves, and Redis's (the script reads TIME) runs. */
async function elapse(ms: number): Promise<void> {
  clock += ms;
  await new Promise((resolve) => setTimeout(resolve, ms));
}
const limiters: Array<[string, (rate: number, burst: number) => SendRateLimiter]> = [
  ['memory', (ratePerSecond, burst) => new MemorySendRateLimiter({ ratePerSecond, burst, now: () => clock })],
  [
    'Redis',
    (ratePerSecond, burst) =>
      new RedisSendRateLimiter(redis, { keyPrefix: `${prefix}${Math.random()}:`, ratePerSecond, burst }),
  ],
];

describe.each(limiters)('the %s send rate limiter', (_name, create) => {
  it('allows the burst, then refuses with a retry-after, per sender', async () => {
    const limiter = create(0.01, 3);
    const decisions = await Promise.all(Array.from({ length: 5 }, () => limiter.take('sender-a')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
    expect(await limiter.take('sender-b')).toEqual({ allowed: true });
  });

  it('grants blocks up to what the bucket holds, then none', async () => {
    const limiter = create(0.01, 10);
    expect(await limiter.takeUpTo('blocks', 4)).toEqual({ granted: 4, retryAfterMs: 0 });
    expect(await limiter.takeUpTo('blocks', 8)).toEqual({ granted: 6, retryAfterMs: 0 });
    const empty = await limiter.takeUpTo('blocks', 1);
    expect(empty.granted).toBe(0);
    expect(empty.retryAfterMs).toBeGreaterThan(1_000);
  });

  it("holds a sender to its own rate when given one, with a second's worth of burst", async () => {
    const limiter = create(1, 1);
    // The configured rate (1/s) would allow one; the sender's level (20/s) allows twenty at once.
    expect(await limiter.takeUpTo('upgraded', 50, 20)).toEqual({ granted: 20, retryAfterMs: 0 });
    const empty = await limiter.takeUpTo('upgraded', 1, 20);
    expect(empty.granted).toBe(0);
    // At 20/s a token comes back within 50 ms, not the second the configured rate would take.
    expect(empty.retryAfterMs).toBeLessThanOrEqual(50);
  });

  it('refills at the rate, never past the burst; a refusal takes nothing and its retry-after is enough', async () => {
    const limiter = create(20, 2);
    expect(await limiter.takeUpTo('refill', 5)).toEqual({ granted: 2, retryAfterMs: 0 });
    const refused = await limiter.take('refill');
    expect(refused).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
    const retryAfterMs = refused.allowed ? 0 : refused.retryAfterMs;
    expect(retryAfterMs).toBeLessThanOrEqual(50);
    await elapse(retryAfterMs + 2);
    expect(await limiter.take('refill')).toEqual({ allowed: true });
    // Ten tokens' worth of time at 20/s: the bucket holds its burst of two, no more.
    await elapse(500);
    expect(await limiter.takeUpTo('refill', 10)).toEqual({ granted: 2, retryAfterMs: 0 });
  });

  it.each([
    [0, 1, 'ratePerSecond must be a positive number, got 0.'],
    [5, 0.5, 'burst must be a whole number of at least 1, got 0.5.'],
  ])('refuses bad options at construction: %d/s, burst %d', (ratePerSecond, burst, message) => {
    expect(() => create(ratePerSecond, burst)).toThrow(message);
  });
});
