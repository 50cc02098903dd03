/**
 * Idempotency keys of sends: who is sending under a key, and what came of it.
 *
 * A key lives in a scope (the sender's phone number id): the same key under two senders is two keys.
 * The first caller claims the key with a short lease and the hash of its input; when its send is over it
 * either completes the key (the outcome is kept for the store's TTL) or releases it (a later call with
 * the key sends again). Everyone else reads what the key holds.
 */
export type IdempotencyEntry =
  | {
      state: 'pending';
      /** The hash of the input the key was claimed with. */
      inputHash: string;
    }
  | {
      state: 'completed';
      inputHash: string;
      /** What the sender stored: opaque to the store. */
      outcome: string;
    };

/** A claim either made this caller the key's owner, or found what the key already holds. */
export type IdempotencyClaim =
  | {
      claimed: true;
      /** Proof of ownership for `complete` and `release`: a lease taken over by another caller fails them. */
      owner: string;
    }
  | { claimed: false; entry: IdempotencyEntry };

export interface IdempotencyStore {
  /**
   * Claims `key` in `scope` for the input with `inputHash`, unless the key exists: then returns its entry
   * and changes nothing. Atomic across every gateway sharing the store. An unfinished claim lapses after
   * the store's pending lease, so that a crashed gateway does not hold a key for good.
   */
  claim(scope: string, key: string, inputHash: string): Promise<IdempotencyClaim>;
  /**
   * Stores the outcome of the owner's send, kept for the store's TTL. Returns false, storing nothing,
   * when `owner` no longer holds the key (its lease lapsed and another caller took it).
   */
  complete(scope: string, key: string, owner: string, outcome: string): Promise<boolean>;
  /** Forgets the owner's pending claim, so that the next call with the key sends. False when not the owner. */
  release(scope: string, key: string, owner: string): Promise<boolean>;
  /** What the key holds now, or null. */
  get(scope: string, key: string): Promise<IdempotencyEntry | null>;
}

/** How long keys live; shared by both implementations. */
export interface IdempotencyStoreOptions {
  /** How long a completed key keeps its outcome, in ms (config: `IDEMPOTENCY_TTL_SECONDS`, 24 h by default). */
  ttlMs: number;
  /**
   * How long a claim stays pending without an outcome before another caller may take the key over, in
   * ms. Choose it above the longest a send can take (upstream timeout × tries), or a slow send could be
   * made twice.
   */
  pendingLeaseMs: number;
}

/** Checks the options at construction, with errors that name the fix. */
export function checkIdempotencyStoreOptions(options: IdempotencyStoreOptions): IdempotencyStoreOptions {
  for (const name of ['ttlMs', 'pendingLeaseMs'] as const) {
    const value = options[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${name} must be a positive whole number of milliseconds, got ${String(value)}.`);
    }
  }
  return { ttlMs: options.ttlMs, pendingLeaseMs: options.pendingLeaseMs };
}
