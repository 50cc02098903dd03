import { type Cluster, type Redis } from 'ioredis';
import { BYTES_LESS_LUA, DEFAULT_MESSAGE_RETENTION_MS, readEntriesAfter } from '../messages';
import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { customerNamesOf, type InboundPosition, type InboundStore } from './inbound-store';

/**
 * Stores inbound messages not seen before, indexes each under its sender's names, appends it to the
 * bounded inbound stream and publishes it with its cursor: atomically, so that a message is never
 * published without being kept. Every key is named from ARGV 1 (one hash tag: one slot on a cluster).
 * KEYS: 1 the stream. ARGV: 1 key prefix, 2 max length, 3 channel, 4 `PUBLISH` or `SPUBLISH` (Redis
 * Cluster), 5 retention in ms, then per message its JSON and its names joined by a space. Returns
 * `{cursor, JSON}` pairs for the messages that were new. A message expires `retention` after it was stored
 * (Redis's clock); each `in-by:` index gets the same TTL on every write and drops the ids sent more than
 * `retention` before the message it adds.
 */
const RECORD_LUA = `
local p = ARGV[1]
local retention = tonumber(ARGV[5])
local out = {}
for i = 6, #ARGV, 2 do
  local message = cjson.decode(ARGV[i])
  if redis.call('SET', p .. 'in:' .. message.id, ARGV[i], 'NX', 'PX', retention) then
    for name in string.gmatch(ARGV[i + 1], '%S+') do
      local index = p .. 'in-by:' .. name
      redis.call('ZADD', index, message.timestamp, message.id)
      redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. string.format('%d', message.timestamp - retention))
      redis.call('PEXPIRE', index, retention)
    end
    local cursor = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[i])
    redis.call(ARGV[4], ARGV[3], '{"cursor":"' .. cursor .. '","message":' .. ARGV[i] .. '}')
    out[#out + 1] = cursor
    out[#out + 1] = ARGV[i]
  end
end
return out
`;

/**
 * A page of a customer's inbound messages, newest first, in one round trip: walks the index of each of the
 * customer's names, keeps what is at or after the position, merges them without duplicates and reads the
 * records. KEYS: the indexes. ARGV: 1 record key prefix, 2 max timestamp or '+inf', 3 the position's wamid
 * or '' (then every message at the max timestamp is on the page), 4 limit. An id whose message expired
 * since the last write trimmed its index is skipped.
 */
const LIST_LUA = `
${BYTES_LESS_LUA}
local max, beforeId, limit = ARGV[2], ARGV[3], tonumber(ARGV[4])
local maxScore = max ~= '+inf' and tonumber(max) or nil
local seen, found = {}, {}
for _, key in ipairs(KEYS) do
  -- Ties at the position's timestamp are few; a margin keeps them on the page without a second walk.
  local entries = redis.call('ZREVRANGEBYSCORE', key, max, '-inf', 'WITHSCORES', 'LIMIT', 0, limit + 64)
  for i = 1, #entries, 2 do
    local id, score = entries[i], tonumber(entries[i + 1])
    local onPage = maxScore == nil or score < maxScore or beforeId == '' or bytesLess(id, beforeId)
    if onPage and not seen[id] then
      seen[id] = true
      found[#found + 1] = {id = id, score = score}
    end
  end
end
table.sort(found, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return bytesLess(b.id, a.id)
end)
local out = {}
for i = 1, #found do
  if #out == limit then break end
  local raw = redis.call('GET', ARGV[1] .. found[i].id)
  if raw then out[#out + 1] = raw end
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
    this.retentionMs = options.retentionMs ?? DEFAULT_MESSAGE_RETENTION_MS;
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
      ...messages.flatMap((message) => [JSON.stringify(message), customerNamesOf(message).join(' ')]),
    );
    const events: InboundMessageEvent[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2) {
      events.push({ cursor: reply[i] as string, message: decodeInbound(reply[i + 1] as string) });
    }
    return events;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<InboundMessageEvent[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const at = fields.indexOf('m');
      return at === -1 ? [] : [{ cursor: id, message: decodeInbound(fields[at + 1] ?? '{}') }];
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<InboundMessageRecord | null>> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => `${this.prefix}in:${id}`));
    return raws.map((raw) => (raw === null ? null : decodeInbound(raw)));
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
      `${this.prefix}in:`,
      position === null ? '+inf' : position.timestamp,
      position?.id ?? '',
      limit,
    );
    return raws.map(decodeInbound);
  }
}

/** A published inbound event (`{cursor, message}`), or null for one this gateway cannot read. */
export function decodePublishedInbound(raw: string): InboundMessageEvent | null {
  try {
    const parsed = JSON.parse(raw) as { cursor?: unknown; message?: unknown };
    if (typeof parsed.cursor !== 'string' || typeof parsed.message !== 'object' || parsed.message === null)
      return null;
    return { cursor: parsed.cursor, message: decodeInbound(JSON.stringify(parsed.message)) };
  } catch {
    return null;
  }
}

/** The gateway wrote the record; cjson turns an empty list into `{}`, which is read back as `[]`. */
export function decodeInbound(raw: string): InboundMessageRecord {
  const message = JSON.parse(raw) as InboundMessageRecord;
  if (!Array.isArray(message.errors)) message.errors = [];
  return message;
}
