import { waitFor } from '../../support/gateway-harness';
import { type IdempotencyStore } from '../../../src/sending';

/** A store built with these timings; `close` cleans up after it. */
export interface IdempotencyStoreSetup {
  store: IdempotencyStore;
  close(): Promise<void>;
}

export const SHORT_TTL_MS = 300;
export const SHORT_LEASE_MS = 200;

/**
 * One suite for every implementation: `create` gets the TTL and pending lease (real time: short ones,
 * so that expiry is seen without fixed sleeps).
 */
export function defineIdempotencyStoreContract(
  name: string,
  create: (options: { ttlMs: number; pendingLeaseMs: number }) => Promise<IdempotencyStoreSetup>,
): void {
  describe(`${name} (idempotency store contract)`, () => {
    let setup: IdempotencyStoreSetup;
    let store: IdempotencyStore;
    beforeEach(async () => {
      setup = await create({ ttlMs: SHORT_TTL_MS, pendingLeaseMs: 60_000 });
      store = setup.store;
    });
    afterEach(() => setup.close());

    it('lets one of many concurrent claims win; the others see it pending with its input hash', async () => {
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim('pn', 'key', 'h1')));
      expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
      expect(claims.filter((claim) => !claim.claimed)).toEqual(
        Array.from({ length: 7 }, () => ({ claimed: false, entry: { state: 'pending', inputHash: 'h1' } })),
      );
    });

    it('keeps the outcome once completed; only the owner may complete', async () => {
      const claim = await store.claim('pn', 'key', 'h1');
      if (!claim.claimed) throw new Error('expected the claim to win');
      expect(await store.complete('pn', 'key', 'someone-else', 'theirs')).toBe(false);
      expect(await store.complete('pn', 'key', claim.owner, '{"kind":"sent"}')).toBe(true);
      expect(await store.claim('pn', 'key', 'h2')).toEqual({
        claimed: false,
        entry: { state: 'completed', inputHash: 'h1', outcome: '{"kind":"sent"}' },
      });
      expect(await store.complete('pn', 'key', claim.owner, 'again')).toBe(false);
      expect(await store.release('pn', 'key', claim.owner)).toBe(false);
    });

    it('forgets a released key; only the owner may release', async () => {
      const claim = await store.claim('pn', 'key', 'h1');
      if (!claim.claimed) throw new Error('expected the claim to win');
      expect(await store.release('pn', 'key', 'someone-else')).toBe(false);
      expect(await store.get('pn', 'key')).toEqual({ state: 'pending', inputHash: 'h1' });
      expect(await store.release('pn', 'key', claim.owner)).toBe(true);
      expect(await store.get('pn', 'key')).toBeNull();
      expect((await store.claim('pn', 'key', 'h2')).claimed).toBe(true);
    });

    it('keeps keys apart by scope and by key', async () => {
      expect((await store.claim('pn-1', 'key', 'h')).claimed).toBe(true);
      expect((await store.claim('pn-2', 'key', 'h')).claimed).toBe(true);
      expect((await store.claim('pn-1', 'key-2', 'h')).claimed).toBe(true);
      expect((await store.claim('pn-1', 'key', 'h')).claimed).toBe(false);
    });

    it('takes any key, however long or odd', async () => {
      const key = `${'ключ:{m}*'.repeat(40)}\n🙂`;
      expect((await store.claim('pn', key, 'h')).claimed).toBe(true);
      expect(await store.get('pn', key)).toEqual({ state: 'pending', inputHash: 'h' });
    });

    it('honours the TTL of a completed key', async () => {
      const claim = await store.claim('pn', 'key', 'h1');
      if (!claim.claimed) throw new Error('expected the claim to win');
      await store.complete('pn', 'key', claim.owner, 'outcome');
      expect(await store.get('pn', 'key')).toMatchObject({ state: 'completed' });
      await waitFor(async () => (await store.get('pn', 'key')) === null, 5_000);
      expect((await store.claim('pn', 'key', 'h2')).claimed).toBe(true);
    });

    it('lets a pending claim lapse after the lease, and the lapsed owner cannot complete it', async () => {
      await setup.close();
      setup = await create({ ttlMs: 60_000, pendingLeaseMs: SHORT_LEASE_MS });
      store = setup.store;
      const first = await store.claim('pn', 'key', 'h1');
      if (!first.claimed) throw new Error('expected the claim to win');
      const second = await waitFor(async () => {
        const claim = await store.claim('pn', 'key', 'h1');
        return claim.claimed ? claim : undefined;
      }, 5_000);
      expect(await store.complete('pn', 'key', first.owner, 'late')).toBe(false);
      expect(await store.complete('pn', 'key', second.owner, 'on time')).toBe(true);
      expect(await store.get('pn', 'key')).toEqual({
        state: 'completed',
        inputHash: 'h1',
        outcome: 'on time',
      });
    });
  });
}
