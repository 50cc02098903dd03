import { randomUUID } from 'node:crypto';
import {
  checkIdempotencyStoreOptions,
  type IdempotencyClaim,
  type IdempotencyEntry,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
} from '../idempotency-store';

interface Slot {
  entry: IdempotencyEntry;
  owner: string | null;
  expiresAt: number;
}

export interface MemoryIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** Epoch millis; default `Date.now`. */
  now?: () => number;
}

/** Expired keys are swept after this many claims, so that memory stays bounded without a timer. */
const SWEEP_EVERY_CLAIMS = 256;

/** The embedded store's idempotency keys: one process, so a Map is atomic enough. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly slots = new Map<string, Slot>();
  private readonly options: IdempotencyStoreOptions;
  private readonly now: () => number;
  private claimsSinceSweep = 0;

  constructor(options: MemoryIdempotencyStoreOptions) {
    this.options = checkIdempotencyStoreOptions(options);
    this.now = options.now ?? Date.now;
  }

  claim(scope: string, key: string, inputHash: string): Promise<IdempotencyClaim> {
    this.sweepNow();
    const id = slotId(scope, key);
    const slot = this.live(id);
    if (slot) return Promise.resolve({ claimed: false, entry: slot.entry });
    const owner = randomUUID();
    this.slots.set(id, {
      entry: { state: 'pending', inputHash },
      owner,
      expiresAt: this.now() + this.options.pendingLeaseMs,
    });
    return Promise.resolve({ claimed: true, owner });
  }

  complete(scope: string, key: string, owner: string, outcome: string): Promise<boolean> {
    const id = slotId(scope, key);
    const slot = this.live(id);
    if (!slot || slot.owner !== owner || slot.entry.state !== 'pending') return Promise.resolve(false);
    this.slots.set(id, {
      entry: { state: 'completed', inputHash: slot.entry.inputHash, outcome },
      owner: null,
      expiresAt: this.now() + this.options.ttlMs,
    });
    return Promise.resolve(true);
  }

  release(scope: string, key: string, owner: string): Promise<boolean> {
    const id = slotId(scope, key);
    const slot = this.live(id);
    if (!slot || slot.owner !== owner || slot.entry.state !== 'pending') return Promise.resolve(false);
    this.slots.delete(id);
    return Promise.resolve(true);
  }

  get(scope: string, key: string): Promise<IdempotencyEntry | null> {
    return Promise.resolve(this.live(slotId(scope, key))?.entry ?? null);
  }

  private live(id: string): Slot | undefined {
    const slot = this.slots.get(id);
    if (slot && slot.expiresAt <= this.now()) {
      this.slots.delete(id);
      return undefined;
    }
    return slot;
  }

  private sweepNow(): void {
    this.claimsSinceSweep += 1;
    if (this.claimsSinceSweep < SWEEP_EVERY_CLAIMS) return;
    this.claimsSinceSweep = 0;
    const now = this.now();
    for (const [id, slot] of this.slots) if (slot.expiresAt <= now) this.slots.delete(id);
  }
}

// A separator no phone number id contains, so that scope and key cannot run into each other.
const slotId = (scope: string, key: string): string => `${scope}\u0000${key}`;
