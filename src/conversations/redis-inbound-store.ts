import { type Cluster, type Redis } from 'ioredis';
import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { customerNamesOf, type InboundPosition, type InboundStore } from './inbound-store';
import { changeOf, type InboundChanges, withChanges } from './inbound-changes';
import {
  BYTES_LESS_LUA,
  DEFAULT_RETENTION_MS,
  INDEX_UNDER_NAMES_LUA,
  NEWEST_ON_PAGE_LUA,
  readEntriesAfter,
} from '../store-kit';

/**
 * Stores inbound messages not seen before, indexes each under its sender's names, appends it to the
 * bounded inbound stream and publishes it with its cursor: atomically, so that a message is never
 * published without being kept. Every key is named from ARGV 1 (one hash tag: one slot on a cluster).
 * KEYS: 1 the stream. ARGV: 1 key prefix, 2 max length, 3 channel, 4 `PUBLISH` or `SPUBLISH` (Redis
 * Cluster), 5 retention in ms, then per message its JSON, its names joined by a space, and for an edit or
 * a revocation its kind (`edit`, `revoke`; else '') and the wamid it changes. Returns per new message its
 * cursor, its JSON, and the JSON of its latest edit and of its revocation ('' for none). A message expires
 * `retention` after it was stored (Redis's clock); each `in-by:` index gets the same TTL on every write and
 * drops the ids sent more than `retention` before the message it adds.
 *
 * An edit or revocation is also kept under `in-edit:`/`in-revoke:` + the changed wamid (the later by
 * timestamp, then wamid, wins), whether or not that message is stored: reads put the two beside the
 * message, and so does this script for a message whose change came first. The records are never decoded
 * and re-encoded here (cjson would turn `[]` into `{}` in `raw`).
 */
const RECORD_LUA = `
${BYTES_LESS_LUA}
${INDEX_UNDER_NAMES_LUA}
local p = ARGV[1]
local retention = tonumber(ARGV[5])
local out = {}
for i = 6, #ARGV, 4 do
  local message = cjson.decode(ARGV[i])
  if redis.call('SET', p .. 'in:' .. message.id, ARGV[i], 'NX', 'PX', retention) then
    indexUnderNames(p .. 'in-by:', ARGV[i + 1], message.timestamp, message.id, retention)
    local kind = ARGV[i + 2]
    if kind ~= '' then
      local key = p .. 'in-' .. kind .. ':' .. ARGV[i + 3]
      local kept = redis.call('GET', key)
      local later = not kept
      if kept then
        local other = cjson.decode(kept)
        later = other.timestamp < message.timestamp
          or (other.timestamp == message.timestamp and bytesLess(other.id, message.id))
      end
      if later then redis.call('SET', key, ARGV[i], 'PX', retention) end
    end
    local edit = redis.call('GET', p .. 'in-edit:' .. message.id) or ''
    local revoke = redis.call('GET', p .. 'in-revoke:' .. message.id) or ''
    local fields = {'m', ARGV[i]}
    if edit ~= '' then
      fields[#fields + 1] = 'e'
      fields[#fields + 1] = edit
    end
    if revoke ~= '' then
      fields[#fields + 1] = 'r'
      fields[#fields + 1] = revoke
    end
    local cursor = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
    local payload = '{"cursor":"' .. cursor .. '","message":' .. ARGV[i]
    if edit ~= '' then payload = payload .. ',"edit":' .. edit end
    if revoke ~= '' then payload = payload .. ',"revoke":' .. revoke end
    redis.call(ARGV[4], ARGV[3], payload .. '}')
    out[#out + 1] = cursor
    out[#out + 1] = ARGV[i]
    out[#out + 1] = edit
    out[#out + 1] = revoke
  end
end
return out
`;

/**
 * A page of a customer's inbound messages, newest first, in one round trip: walks the index of each of the
 * customer's names, keeps what is at or after the position, merges them without duplicates and reads the
 * records. KEYS: the indexes. ARGV: 1 key prefix, 2 max timestamp or '+inf', 3 the position's wamid
 * or '' (then every message at the max timestamp is on the page), 4 limit. An id whose message expired
 * since the last write trimmed its index is skipped. Returns per message its JSON and the JSON of its
 * latest edit and of its revocation ('' for none).
 */
const LIST_LUA = `
${NEWEST_ON_PAGE_LUA}
local limit = tonumber(ARGV[4])
local found = newestOnPage(KEYS, ARGV[2], ARGV[3], limit)
local out, listed = {}, 0
for i = 1, #found do
  if listed == limit then break end
  local raw = redis.call('GET', ARGV[1] .. 'in:' .. found[i].id)
  if raw then
    listed = listed + 1
    out[#out + 1] = raw
    out[#out + 1] = redis.call('GET', ARGV[1] .. 'in-edit:' .. found[i].id) or ''
    out[#out + 1] = redis.call('GET', ARGV[1] .. 'in-revoke:' .. found[i].id) or ''
  end
end
return out
`;

interface InboundScripts {
  waInboundRecord(...args: Array<string | number>): Promise<string[]>;
  waInboundList(...args: Array<string | number>): Promise<string[]>;
}

export interface RedisInboundStoreOptions {
  keyPrefix: string;
  /** Inbound events kept for replay (approximately). Default 100,000. */
  maxLength?: number;
  /** How long a message is kept after it was stored, in ms (`MESSAGE_RETENTION_DAYS`). Default 30 days. */
  retentionMs?: number;
}

/** Inbound messages in Redis, `{i}`-tagged; the connection is the composition root's. */
export class RedisInboundStore implements InboundStore {
  private readonly redis: (Redis | Cluster) & InboundScripts;
  private readonly prefix: string;
  readonly stream: string;
  readonly channel: string;
  private readonly maxLength: number;
  private readonly retentionMs: number;

  constructor(connection: Redis | Cluster, options: RedisInboundStoreOptions) {
    connection.defineCommand('waInboundRecord', { numberOfKeys: 1, lua: RECORD_LUA });
    connection.defineCommand('waInboundList', { lua: LIST_LUA, readOnly: true });
    this.redis = connection as (Redis | Cluster) & InboundScripts;
    this.prefix = `${options.keyPrefix}{i}:`;
    this.stream = `${this.prefix}inbound-events`;
    this.channel = `${this.prefix}inbound-published`;
    this.maxLength = options.maxLength ?? 100_000;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  async record(messages: readonly InboundMessageRecord[]): Promise<InboundMessageEvent[]> {
    if (messages.length === 0) return [];
    const reply = await this.redis.waInboundRecord(
      this.stream,
      this.prefix,
      this.maxLength,
      this.channel,
      this.redis.isCluster ? 'SPUBLISH' : 'PUBLISH',
      this.retentionMs,
      ...messages.flatMap((message) => {
        const change = changeOf(message);
        return [
          JSON.stringify(message),
          customerNamesOf(message).join(' '),
          change?.kind ?? '',
          change?.target ?? '',
        ];
      }),
    );
    const events: InboundMessageEvent[] = [];
    for (let i = 0; i + 3 < reply.length; i += 4) {
      const [edit, revoke] = [reply[i + 2] as string, reply[i + 3] as string];
      events.push({ cursor: reply[i] as string, message: decodeView(reply[i + 1] as string, edit, revoke) });
    }
    return events;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<InboundMessageEvent[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const field = (name: string): string | undefined => {
        // Field names and values alternate: only an even index is a name.
        for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
        return undefined;
      };
      const message = field('m');
      return message === undefined
        ? []
        : [{ cursor: id, message: decodeView(message, field('e') ?? '', field('r') ?? '') }];
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<InboundMessageRecord | null>> {
    if (ids.length === 0) return [];
    // One round trip: each message, its latest edit and its revocation.
    const raws = await this.redis.mget(
      ids.flatMap((id) => [
        `${this.prefix}in:${id}`,
        `${this.prefix}in-edit:${id}`,
        `${this.prefix}in-revoke:${id}`,
      ]),
    );
    return ids.map((_, i) => {
      const raw = raws[i * 3];
      return raw === null || raw === undefined
        ? null
        : decodeView(raw, raws[i * 3 + 1] ?? '', raws[i * 3 + 2] ?? '');
    });
  }

  async listFrom(
    customers: readonly string[],
    limit: number,
    position: InboundPosition | null,
  ): Promise<InboundMessageRecord[]> {
    if (customers.length === 0 || limit < 1) return [];
    const raws = await this.redis.waInboundList(
      customers.length,
      ...customers.map((name) => `${this.prefix}in-by:${name}`),
      this.prefix,
      position === null ? '+inf' : position.timestamp,
      position?.id ?? '',
      limit,
    );
    const messages: InboundMessageRecord[] = [];
    for (let i = 0; i + 2 < raws.length; i += 3) {
      messages.push(decodeView(raws[i] as string, raws[i + 1] as string, raws[i + 2] as string));
    }
    return messages;
  }
}

/**
 * A published inbound event (`{cursor, message, edit?, revoke?}`), or null for one this gateway cannot
 * read.
 */
export function decodePublishedInbound(raw: string): InboundMessageEvent | null {
  try {
    const parsed = JSON.parse(raw) as {
      cursor?: unknown;
      message?: unknown;
      edit?: unknown;
      revoke?: unknown;
    };
    if (typeof parsed.cursor !== 'string' || !isObject(parsed.message)) return null;
    const changes: InboundChanges = {};
    if (isObject(parsed.edit)) changes.edit = decodeInbound(JSON.stringify(parsed.edit));
    if (isObject(parsed.revoke)) changes.revoke = decodeInbound(JSON.stringify(parsed.revoke));
    return {
      cursor: parsed.cursor,
      message: withChanges(decodeInbound(JSON.stringify(parsed.message)), changes),
    };
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A stored message with its latest edit and its revocation as stored beside it ('' for none). */
function decodeView(message: string, edit: string, revoke: string): InboundMessageRecord {
  const changes: InboundChanges = {};
  if (edit !== '') changes.edit = decodeInbound(edit);
  if (revoke !== '') changes.revoke = decodeInbound(revoke);
  return withChanges(decodeInbound(message), changes);
}

/** The gateway wrote the record; cjson turns an empty list into `{}`, which is read back as `[]`. */
export function decodeInbound(raw: string): InboundMessageRecord {
  const message = JSON.parse(raw) as InboundMessageRecord;
  if (!Array.isArray(message.errors)) message.errors = [];
  return message;
}
