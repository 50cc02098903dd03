import { connectRedis, deleteKeys, randomPrefix } from '../messages/redis-harness';
import { defineIdempotencyStoreContract } from './idempotency-store.contract';
import { MemoryIdempotencyStore, RedisIdempotencyStore } from '../../../src/sending';

defineIdempotencyStoreContract('MemoryIdempotencyStore', (options) =>
  Promise.resolve({ store: new MemoryIdempotencyStore(options), close: () => Promise.resolve() }),
);

defineIdempotencyStoreContract('RedisIdempotencyStore', async (options) => {
  const prefix = randomPrefix();
  const redis = await connectRedis();
  return {
    store: new RedisIdempotencyStore(redis, { ...options, keyPrefix: prefix }),
    async close() {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('RedisIdempotencyStore specifics', () => {
  it('names a key under the prefix without a hash tag, with the lease and then the TTL set', async () => {
    const prefix = randomPrefix();
    const redis = await connectRedis();
    try {
      const store = new RedisIdempotencyStore(redis, {
        keyPrefix: prefix,
        ttlMs: 86_400_000,
        pendingLeaseMs: 40_000,
      });
      const claim = await store.claim('106540352242922', 'order-42', 'h');
      if (!claim.claimed) throw new Error('expected the claim to win');
      const name = store.keyName('106540352242922', 'order-42');
      expect(name).toMatch(new RegExp(`^${prefix}idem:106540352242922:[A-Za-z0-9_-]{43}$`));
      const leased = await redis.pttl(name);
      expect(leased).toBeGreaterThan(30_000);
      expect(leased).toBeLessThanOrEqual(40_000);
      await store.complete('106540352242922', 'order-42', claim.owner, 'outcome');
      expect(await redis.pttl(name)).toBeGreaterThan(40_000);
      expect(await redis.hgetall(name)).toEqual({ state: 'completed', hash: 'h', outcome: 'outcome' });
    } finally {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it('shares keys between two connections (two gateways)', async () => {
    const prefix = randomPrefix();
    const [a, b] = await Promise.all([connectRedis(), connectRedis()]);
    try {
      const options = { keyPrefix: prefix, ttlMs: 60_000, pendingLeaseMs: 60_000 };
      const first = new RedisIdempotencyStore(a, options);
      const second = new RedisIdempotencyStore(b, options);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second).claim('pn', 'key', 'h')),
      );
      expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
    } finally {
      await deleteKeys(a, prefix);
      a.disconnect();
      b.disconnect();
    }
  });
});
