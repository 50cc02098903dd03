import { type Cluster, type Redis } from 'ioredis';
import {
  type CallEventRecord,
  type CallPosition,
  type CallStore,
  customerNamesOfCall,
  type NewCallEvent,
} from './call-event';
import {
  DEFAULT_RETENTION_MS,
  INDEX_UNDER_NAMES_LUA,
  NEWEST_ON_PAGE_LUA,
  readEntriesAfter,
} from '../store-kit';

/**
 * Stores call events not seen before, indexes each under its customer's names, appends it to the bounded
 * call event stream and publishes it with its cursor: atomically, so that an event is never published
 * without being kept. The stored record is the event's JSON as the gateway wrote it with the cursor put in
 * front, never re-encoded here (cjson would turn Meta's empty lists into objects and round long numbers).
 * Every key is named from ARGV 1 (one hash tag: one slot on a cluster).
 * KEYS: 1 the stream. ARGV: 1 key prefix, 2 max length, 3 channel, 4 `PUBLISH` or `SPUBLISH` (Redis
 * Cluster), 5 retention in ms, then per event its id, its JSON, its names joined by a space and its
 * timestamp. Returns the cursor of each event, or '' for one already stored. An event expires `retention`
 * after it was stored (Redis's clock); each `call-by:` index gets the same TTL on every write and drops the
 * ids of events more than `retention` older than the one it adds.
 */
const RECORD_LUA = `
${INDEX_UNDER_NAMES_LUA}
local p = ARGV[1]
local retention = tonumber(ARGV[5])
local out = {}
for i = 6, #ARGV, 4 do
  local key = p .. 'call:' .. ARGV[i]
  if redis.call('EXISTS', key) == 1 then
    out[#out + 1] = ''
  else
    local cursor = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[i + 1])
    local record = '{"cursor":"' .. cursor .. '",' .. string.sub(ARGV[i + 1], 2)
    redis.call('SET', key, record, 'PX', retention)
    indexUnderNames(p .. 'call-by:', ARGV[i + 2], tonumber(ARGV[i + 3]), ARGV[i], retention)
    redis.call(ARGV[4], ARGV[3], record)
    out[#out + 1] = cursor
  end
end
return out
`;

/**
 * A page of a customer's call events, newest first, in one round trip: walks the index of each of the
 * customer's names, keeps what is at or after the position, merges them without duplicates and reads the
 * records (the walk of the inbound store's list script). KEYS: the indexes. ARGV: 1 record key prefix,
 * 2 max timestamp or '+inf', 3 the position's id or '' (then every event at the max timestamp is on the
 * page), 4 limit. An id whose event expired since the last write trimmed its index is skipped.
 */
const LIST_LUA = `
${NEWEST_ON_PAGE_LUA}
local limit = tonumber(ARGV[4])
local found = newestOnPage(KEYS, ARGV[2], ARGV[3], limit)
local out = {}
for i = 1, #found do
  if #out == limit then break end
  local raw = redis.call('GET', ARGV[1] .. found[i].id)
  if raw then out[#out + 1] = raw end
end
return out
`;

interface CallScripts {
  waCallRecord(...args: Array<string | number>): Promise<string[]>;
  waCallList(...args: Array<string | number>): Promise<string[]>;
}

export interface RedisCallStoreOptions {
  keyPrefix: string;
  /** Call events kept for replay (approximately). Default 100,000. */
  maxLength?: number;
  /** How long an event is kept after it was stored, in ms (`MESSAGE_RETENTION_DAYS`). Default 30 days. */
  retentionMs?: number;
}

/** Call events in Redis, `{calls}`-tagged; the connection is the composition root's. */
export class RedisCallStore implements CallStore {
  private readonly redis: (Redis | Cluster) & CallScripts;
  private readonly prefix: string;
  readonly stream: string;
  readonly channel: string;
  private readonly maxLength: number;
  private readonly retentionMs: number;

  constructor(connection: Redis | Cluster, options: RedisCallStoreOptions) {
    connection.defineCommand('waCallRecord', { numberOfKeys: 1, lua: RECORD_LUA });
    connection.defineCommand('waCallList', { lua: LIST_LUA, readOnly: true });
    this.redis = connection as (Redis | Cluster) & CallScripts;
    this.prefix = `${options.keyPrefix}{calls}:`;
    this.stream = `${this.prefix}call-events`;
    this.channel = `${this.prefix}call-event-published`;
    this.maxLength = options.maxLength ?? 100_000;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  async record(events: readonly NewCallEvent[]): Promise<CallEventRecord[]> {
    if (events.length === 0) return [];
    const cursors = await this.redis.waCallRecord(
      this.stream,
      this.prefix,
      this.maxLength,
      this.channel,
      this.redis.isCluster ? 'SPUBLISH' : 'PUBLISH',
      this.retentionMs,
      ...events.flatMap((event) => [
        event.id,
        JSON.stringify(event),
        customerNamesOfCall(event).join(' '),
        event.timestamp,
      ]),
    );
    const stored: CallEventRecord[] = [];
    events.forEach((event, i) => {
      const cursor = cursors[i];
      if (cursor !== undefined && cursor !== '') stored.push({ ...event, cursor });
    });
    return stored;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<CallEventRecord[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const at = fields.indexOf('e');
      const event =
        at === -1 ? null : decodePublishedCallEvent(`{"cursor":"${id}",${(fields[at + 1] ?? '{}').slice(1)}`);
      return event === null ? [] : [event];
    });
  }

  async listFor(
    customers: readonly string[],
    limit: number,
    position: CallPosition | null,
  ): Promise<CallEventRecord[]> {
    if (customers.length === 0 || limit < 1) return [];
    const raws = await this.redis.waCallList(
      customers.length,
      ...customers.map((name) => `${this.prefix}call-by:${name}`),
      `${this.prefix}call:`,
      position === null ? '+inf' : position.timestamp,
      position?.id ?? '',
      limit,
    );
    return raws.flatMap((raw) => {
      const event = decodePublishedCallEvent(raw);
      return event === null ? [] : [event];
    });
  }
}

/** A published or stored call event (the record with its cursor), or null for one this gateway cannot read. */
export function decodePublishedCallEvent(raw: string): CallEventRecord | null {
  try {
    const parsed = JSON.parse(raw) as CallEventRecord;
    return typeof parsed.cursor === 'string' && typeof parsed.callId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
