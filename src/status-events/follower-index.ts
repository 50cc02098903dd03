import { type LiveFilter } from './live-stream';

/** The key of the subscribers whose filter matches every event. */
const ALL = '\u0000*';

/**
 * Subscribers under the most selective key of their filter, so that an event is matched against the
 * subscribers filed under its own keys (and those that take everything), not against all of them.
 */
export class FollowerIndex<E, F, T extends { readonly subscriber: { readonly filter: F } }> {
  private readonly byKey = new Map<string, Set<T>>();
  private count = 0;

  constructor(private readonly filter: LiveFilter<E, F>) {}

  get size(): number {
    return this.count;
  }

  add(follower: T): void {
    const key = this.keyOf(follower);
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(follower);
    this.count += 1;
  }

  /** False when the follower was not (or no longer) in the index. */
  delete(follower: T): boolean {
    const key = this.keyOf(follower);
    const set = this.byKey.get(key);
    if (!set?.delete(follower)) return false;
    if (set.size === 0) this.byKey.delete(key);
    this.count -= 1;
    return true;
  }

  /** The followers whose filter matches `event`, in no particular order. */
  matching(event: E): T[] {
    const found: T[] = [];
    for (const key of [...this.filter.indexKeysOf(event), ALL]) {
      const set = this.byKey.get(key);
      if (!set) continue;
      for (const follower of set) {
        if (this.filter.matches(event, follower.subscriber.filter)) found.push(follower);
      }
    }
    return found;
  }

  private keyOf(follower: T): string {
    return this.filter.indexKeyOf(follower.subscriber.filter) ?? ALL;
  }
}
