import { type LiveFilter } from './live-stream';

/** The key of the subscribers whose filter matches every event. */
const ALL = '\u0000*';

/** Followers filed under one key, grouped by equal filters. */
type FilterGroups<T> = Map<string, Set<T>>;

/**
 * Subscribers under the most selective key of their filter, so that an event is matched against the
 * subscribers filed under its own keys (and those that take everything), not against all of them. Under a
 * key, subscribers with equal filters are grouped: a filter is plain data, so two that serialise alike
 * match the same events, and an event is matched once per group (a thousand dashboards following one
 * customer cost one comparison, not a thousand).
 */
export class FollowerIndex<E, F, T extends { readonly subscriber: { readonly filter: F } }> {
  private readonly byKey = new Map<string, FilterGroups<T>>();
  private count = 0;

  constructor(private readonly filter: LiveFilter<E, F>) {}

  get size(): number {
    return this.count;
  }

  add(follower: T): void {
    const key = this.keyOf(follower);
    let groups = this.byKey.get(key);
    if (!groups) this.byKey.set(key, (groups = new Map()));
    const signature = signatureOf(follower);
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = new Set()));
    group.add(follower);
    this.count += 1;
  }

  /** False when the follower was not (or no longer) in the index. */
  delete(follower: T): boolean {
    const key = this.keyOf(follower);
    const groups = this.byKey.get(key);
    const signature = signatureOf(follower);
    const group = groups?.get(signature);
    if (!groups || !group?.delete(follower)) return false;
    if (group.size === 0) groups.delete(signature);
    if (groups.size === 0) this.byKey.delete(key);
    this.count -= 1;
    return true;
  }

  /** The followers whose filter matches `event`, in no particular order. */
  matching(event: E): T[] {
    const found: T[] = [];
    for (const key of [...this.filter.indexKeysOf(event), ALL]) {
      const groups = this.byKey.get(key);
      if (!groups) continue;
      for (const group of groups.values()) {
        const [first] = group;
        if (!first || !this.filter.matches(event, first.subscriber.filter)) continue;
        for (const follower of group) found.push(follower);
      }
    }
    return found;
  }

  private keyOf(follower: T): string {
    return this.filter.indexKeyOf(follower.subscriber.filter) ?? ALL;
  }
}

function signatureOf(follower: { readonly subscriber: { readonly filter: unknown } }): string {
  return JSON.stringify(follower.subscriber.filter);
}
