import {
  ACCOUNT_EVENT_DEDUPE_MS,
  accountEventDigest,
  type AccountEventKind,
  type AccountEventPage,
  type AccountEventRecord,
  type AccountEventStore,
  assertAccountEventCursor,
  type NewAccountEvent,
} from './account-event';
import { eventsAfter, StreamIds } from '../store-kit';

/** The embedded store's account events: the newest `maxLength` kept in memory, cursors like Redis's. */
export class MemoryAccountEventStore implements AccountEventStore {
  private readonly events: AccountEventRecord[] = [];
  private readonly ids: StreamIds;
  private readonly listeners = new Set<(event: AccountEventRecord) => void>();
  /** Whether the oldest events were dropped: a cursor before the oldest kept one then lost some. */
  private trimmed = false;
  /** Digest → when it is forgotten; in insertion order, which is expiry order. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxLength = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.ids = new StreamIds(now);
  }

  async append(events: readonly NewAccountEvent[]): Promise<AccountEventRecord[]> {
    const now = this.now();
    for (const [digest, expiresAt] of this.seen) {
      if (expiresAt > now) break; // insertion order is expiry order
      this.seen.delete(digest);
    }
    const stored: AccountEventRecord[] = [];
    for (const event of events) {
      const digest = accountEventDigest(event);
      if (this.seen.has(digest)) continue;
      this.seen.set(digest, now + ACCOUNT_EVENT_DEDUPE_MS);
      stored.push({ ...event, cursor: this.ids.next() });
    }
    this.events.push(...stored);
    if (this.events.length > this.maxLength) {
      this.events.splice(0, this.events.length - this.maxLength);
      this.trimmed = true;
    }
    for (const event of stored) for (const listener of this.listeners) listener(event);
    return stored;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<AccountEventRecord[]> {
    return eventsAfter(this.events, cursor, limit, this.trimmed);
  }

  /** The live side, in process: every event `append` keeps. */
  async listen(listener: (event: AccountEventRecord) => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async list(
    kinds: readonly AccountEventKind[] | null,
    first: number,
    after: string | null,
  ): Promise<AccountEventPage> {
    if (after !== null) assertAccountEventCursor(after);
    const wanted = kinds === null || kinds.length === 0 ? null : new Set(kinds);
    const page: AccountEventRecord[] = [];
    let hasNextPage = false;
    for (let i = this.events.length - 1; i >= 0; i -= 1) {
      const event = this.events[i] as AccountEventRecord;
      if (after !== null && !isBefore(event.cursor, after)) continue;
      if (wanted !== null && !wanted.has(event.kind)) continue;
      if (page.length === first) {
        hasNextPage = true;
        break;
      }
      page.push(event);
    }
    return {
      records: page,
      endCursor: hasNextPage ? (page[page.length - 1]?.cursor ?? null) : null,
      hasNextPage,
    };
  }
}

function isBefore(cursor: string, other: string): boolean {
  const [ms, seq] = cursor.split('-').map(BigInt) as [bigint, bigint];
  const [otherMs, otherSeq] = other.split('-').map(BigInt) as [bigint, bigint];
  return ms < otherMs || (ms === otherMs && seq < otherSeq);
}
