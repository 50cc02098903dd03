import { MemoryIdempotencyStore } from '../../../src/sending';

describe('MemoryIdempotencyStore with a controlled clock', () => {
  let now: number;
  let store: MemoryIdempotencyStore;
  beforeEach(() => {
    now = 0;
    store = new MemoryIdempotencyStore({ ttlMs: 10_000, pendingLeaseMs: 1_000, now: () => now });
  });

  it('keeps a completed outcome for the TTL, then forgets it', async () => {
    const claim = await store.claim('pn', 'key', 'h1');
    if (!claim.claimed) throw new Error('expected the first claim to win');
    now = 900;
    expect(await store.complete('pn', 'key', claim.owner, 'outcome')).toBe(true);
    now = 900 + 9_999;
    expect(await store.get('pn', 'key')).toEqual({ state: 'completed', inputHash: 'h1', outcome: 'outcome' });
    now = 900 + 10_000;
    expect(await store.get('pn', 'key')).toBeNull();
    expect((await store.claim('pn', 'key', 'h2')).claimed).toBe(true);
  });

  it('lets a pending claim lapse after the lease; the lapsed owner can then neither complete nor release', async () => {
    const first = await store.claim('pn', 'key', 'h1');
    if (!first.claimed) throw new Error('expected the first claim to win');
    now = 999;
    expect(await store.claim('pn', 'key', 'h1')).toEqual({
      claimed: false,
      entry: { state: 'pending', inputHash: 'h1' },
    });
    now = 1_000;
    const second = await store.claim('pn', 'key', 'h1');
    expect(second.claimed).toBe(true);
    expect(await store.complete('pn', 'key', first.owner, 'late')).toBe(false);
    expect(await store.release('pn', 'key', first.owner)).toBe(false);
    expect(await store.get('pn', 'key')).toEqual({ state: 'pending', inputHash: 'h1' });
  });

  it('sweeps expired keys as claims go by, so memory stays bounded', async () => {
    for (let i = 0; i < 300; i++) await store.claim('pn', `k${i}`, 'h');
    now = 2_000;
    for (let i = 0; i < 300; i++) await store.claim('pn2', `k${i}`, 'h');
    const slots = (store as unknown as { slots: Map<string, unknown> }).slots;
    expect(slots.size).toBeLessThan(600);
  });
});
