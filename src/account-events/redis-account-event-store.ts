import { type Cluster, type Redis } from 'ioredis';
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
import { defineScripts, readEntriesAfter, type ScriptCommands } from '../store-kit';
import {
  APPEND_ACCOUNT_EVENTS_COMMAND,
  APPEND_ACCOUNT_EVENTS_SCRIPT,
  decodeAppendAccountEventsReply,
  encodeAppendAccountEventsArgs,
} from './redis-account-event-append-script';

/** Entries read per XREVRANGE while a kind filter skips others; a rare kind costs a few round trips. */
const SCAN_BATCH = 200;

export interface RedisAccountEventStoreOptions {
  keyPrefix: string;
  /** Events kept (approximately). Default 100,000. */
  maxLength?: number;
}

/** Account events in one Redis stream, `{a}`-tagged; the connection is the composition root's. */
export class RedisAccountEventStore implements AccountEventStore {
  private readonly redis: (Redis | Cluster) & ScriptCommands<typeof APPEND_ACCOUNT_EVENTS_COMMAND>;
  readonly stream: string;
  readonly channel: string;
  private readonly maxLength: number;
  private readonly dedupePrefix: string;

  constructor(connection: Redis | Cluster, options: RedisAccountEventStoreOptions) {
    this.redis = defineScripts(connection, { [APPEND_ACCOUNT_EVENTS_COMMAND]: APPEND_ACCOUNT_EVENTS_SCRIPT });
    this.stream = `${options.keyPrefix}{a}:account-events`;
    this.channel = `${options.keyPrefix}{a}:account-event-published`;
    this.maxLength = options.maxLength ?? 100_000;
    this.dedupePrefix = `${options.keyPrefix}{a}:account-event-seen:`;
  }

  async append(events: readonly NewAccountEvent[]): Promise<AccountEventRecord[]> {
    if (events.length === 0) return [];
    const reply = await this.redis[APPEND_ACCOUNT_EVENTS_COMMAND](
      this.stream,
      ...encodeAppendAccountEventsArgs({
        maxLength: this.maxLength,
        channel: this.channel,
        dedupePrefix: this.dedupePrefix,
        dedupeMs: ACCOUNT_EVENT_DEDUPE_MS,
        cluster: this.redis.isCluster,
        events: events.map((event) => ({ digest: accountEventDigest(event), json: JSON.stringify(event) })),
      }),
    );
    const cursors = decodeAppendAccountEventsReply(reply, events.length);
    const appended: AccountEventRecord[] = [];
    events.forEach((event, i) => {
      const cursor = cursors[i];
      if (cursor !== null && cursor !== undefined) appended.push({ ...event, cursor });
    });
    return appended;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<AccountEventRecord[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const event = decodeAccountEvent(id, fields);
      return event === null ? [] : [event];
    });
  }

  async list(
    kinds: readonly AccountEventKind[] | null,
    first: number,
    after: string | null,
  ): Promise<AccountEventPage> {
    if (after !== null) assertAccountEventCursor(after);
    const wanted = kinds === null || kinds.length === 0 ? null : new Set(kinds);
    const page: AccountEventRecord[] = [];
    let from = after === null ? '+' : `(${after}`;
    for (;;) {
      const count = wanted === null ? first + 1 - page.length : SCAN_BATCH;
      const entries = await this.redis.xrevrange(this.stream, from, '-', 'COUNT', count);
      for (const [id, fields] of entries) {
        const event = decodeAccountEvent(id, fields);
        if (event === null || (wanted !== null && !wanted.has(event.kind))) continue;
        if (page.length === first) return { records: page, endCursor: lastCursor(page), hasNextPage: true };
        page.push(event);
      }
      if (entries.length < count) return { records: page, endCursor: null, hasNextPage: false };
      from = `(${(entries[entries.length - 1] as [string, string[]])[0]}`;
    }
  }
}

/** A published account event (the record with its cursor), or null for one this gateway cannot read. */
export function decodePublishedAccountEvent(raw: string): AccountEventRecord | null {
  try {
    const parsed = JSON.parse(raw) as AccountEventRecord;
    return typeof parsed.cursor === 'string' && typeof parsed.kind === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function lastCursor(page: readonly AccountEventRecord[]): string | null {
  return page[page.length - 1]?.cursor ?? null;
}

/** The gateway wrote the entry; one it cannot read (a later version's) is skipped, not fatal. */
export function decodeAccountEvent(cursor: string, fields: readonly string[]): AccountEventRecord | null {
  const at = fields.indexOf('e');
  if (at === -1 || at + 1 >= fields.length) return null;
  try {
    return { ...(JSON.parse(fields[at + 1] as string) as NewAccountEvent), cursor };
  } catch {
    return null;
  }
}
