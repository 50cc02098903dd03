import { type LiveFilter } from '../live-stream';

/** The key of the subscribers whose filter matches every event. */
const ALL = '\u0000*';

/**
 * The followers of one filter as they were when an event matched them. The same object (and the same
 * `members` array) is handed out for every event until the group's membership changes, so that a fan-out
 * can tell at once that a batch's events go to the same followers and deliver to them alike.
 */
export interface Audience<T> {
  /** The filter group; the same for every audience it hands out, whatever its membership. */
  readonly group: object;
  readonly members: readonly T[];
}

/** Followers with equal filters, and the audience they currently make up. */
class FilterGroup<T> {
  readonly followers = new Set<T>();
  private audience: Audience<T> | null = null;

  add(follower: T): void {
    this.followers.add(follower);
    this.audience = null;
  }

  delete(follower: T): boolean {
    if (!this.followers.delete(follower)) return false;
    this.audience = null;
    return true;
  }

  current(): Audience<T> {
    return (this.audience ??= { group: this, members: [...this.followers] });
  }
}

/**
 * Subscribers under the most selective key of their filter, so that an event is matched against the
 * subscribers filed under its own keys (and those that take everything), not against all of them. Under a
 * key, subscribers with equal filters are grouped: a filter is plain data, so two that serialise alike
 * match the same events, and an event is matched once per group (a thousand dashboards following one
 * customer cost one comparison, not a thousand).
 */
export class FollowerIndex<E, F, T extends { readonly subscriber: { readonly filter: F } }> {
  private readonly byKey = new Map<string, Map<string, FilterGroup<T>>>();
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
    if (!group) groups.set(signature, (group = new FilterGroup()));
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
    if (group.followers.size === 0) groups.delete(signature);
    if (groups.size === 0) this.byKey.delete(key);
    this.count -= 1;
    return true;
  }

  /** The audiences whose filter matches `event`: each follower is in at most one of them. */
  matching(event: E): Array<Audience<T>> {
    const found: Array<Audience<T>> = [];
    for (const key of [...this.filter.indexKeysOf(event), ALL]) {
      const groups = this.byKey.get(key);
      if (!groups) continue;
      for (const group of groups.values()) {
        const [first] = group.followers;
        if (first && this.filter.matches(event, first.subscriber.filter)) found.push(group.current());
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
