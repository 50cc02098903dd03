import { type Redis, type Cluster } from 'ioredis';
import {
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
} from './contact';
import { BYTES_LESS_LUA, DEFAULT_RETENTION_MS, type EpochMillis, normaliseCustomerId } from '../store-kit';

/**
 * Applies a webhook's sightings with the joining rules of `ContactStore.observe`, atomically, in one round
 * trip. Every key is named from ARGV 1, which carries one hash tag: the contacts share a slot on a cluster.
 * Keys: `contact:<id>` (hash), `alias:<number or BSUID>` → id, `idx` (sorted set of ids by last activity).
 * KEYS: 1 the `idx` key (declared so that a cluster routes the script to the contacts' slot).
 * ARGV: 1 key prefix, 2 seenAt, 3 sightings JSON, 4 retention in ms.
 * A contact, its aliases and `idx` expire `retention` after the last write (Redis's clock); `idx` drops
 * the ids last seen more than `retention` before this seenAt.
 */
const OBSERVE_LUA = `
local p = ARGV[1]
local seenAt = tonumber(ARGV[2])
local retention = tonumber(ARGV[4])
local FIELDS = {'waId', 'userId', 'parentUserId', 'username', 'profileName'}
local function alias(identity)
  if not identity then return nil end
  local id = redis.call('GET', p .. 'alias:' .. identity)
  if id == false then return nil end
  return id
end
local function raise(key, field, value)
  local current = redis.call('HGET', key, field)
  if not current or tonumber(current) < value then redis.call('HSET', key, field, value) end
end
for _, s in ipairs(cjson.decode(ARGV[3])) do
  local phone = s.waId and ('+' .. s.waId) or nil
  local byPhone = alias(phone)
  local id = s.userId or byPhone or phone
  if id then
    local key = p .. 'contact:' .. id
    if byPhone and byPhone ~= id then
      local other = p .. 'contact:' .. byPhone
      if redis.call('HEXISTS', other, 'userId') == 0 then
        -- Known by number until now: the same customer, whose BSUID Meta has just shown.
        local fields = redis.call('HGETALL', other)
        for i = 1, #fields, 2 do
          local f, v = fields[i], fields[i + 1]
          if f == 'firstSeenAt' then
            local current = redis.call('HGET', key, f)
            if not current or tonumber(current) > tonumber(v) then redis.call('HSET', key, f, v) end
          elseif f == 'lastSeenAt' or f == 'lastInboundAt' then
            raise(key, f, tonumber(v))
          elseif redis.call('HEXISTS', key, f) == 0 then
            redis.call('HSET', key, f, v)
          end
        end
        redis.call('DEL', other)
        redis.call('ZREM', p .. 'idx', byPhone)
      else
        -- The number moved to another user: it no longer names the old contact.
        redis.call('HDEL', other, 'phone', 'waId')
      end
    end
    redis.call('HSET', key, 'id', id)
    if phone then redis.call('HSET', key, 'phone', phone) end
    for _, f in ipairs(FIELDS) do
      if s[f] then redis.call('HSET', key, f, s[f]) end
    end
    redis.call('HSETNX', key, 'firstSeenAt', seenAt)
    raise(key, 'lastSeenAt', seenAt)
    if s.inboundAt then raise(key, 'lastInboundAt', s.inboundAt) end
    if s.marketingOptOut ~= nil then
      local at = s.marketingPreferenceAt or seenAt
      local current = redis.call('HGET', key, 'marketingPreferenceAt')
      if not current or tonumber(current) <= at then
        redis.call('HSET', key, 'marketingOptOut', s.marketingOptOut and '1' or '0', 'marketingPreferenceAt', at)
      end
    end
    redis.call('PEXPIRE', key, retention)
    redis.call('SET', p .. 'alias:' .. id, id, 'PX', retention)
    if phone then redis.call('SET', p .. 'alias:' .. phone, id, 'PX', retention) end
    -- The number learnt from an earlier sighting names the contact as long as it lives.
    local knownPhone = redis.call('HGET', key, 'phone')
    if knownPhone and knownPhone ~= phone then redis.call('PEXPIRE', p .. 'alias:' .. knownPhone, retention) end
    redis.call('ZADD', p .. 'idx', tonumber(redis.call('HGET', key, 'lastSeenAt')), id)
  end
end
redis.call('ZREMRANGEBYSCORE', p .. 'idx', '-inf', '(' .. string.format('%d', seenAt - retention))
redis.call('PEXPIRE', p .. 'idx', retention)
return 1
`;

/** A contact by any of its names, in one round trip. KEYS: 1 the `idx` key. ARGV: 1 key prefix, 2 the name. */
const FIND_LUA = `
local id = redis.call('GET', ARGV[1] .. 'alias:' .. ARGV[2])
if not id then return {} end
return redis.call('HGETALL', ARGV[1] .. 'contact:' .. id)
`;

/**
 * A page of contacts by latest activity, newest first, filtered, in one round trip: walks `idx` backwards
 * from the position and reads each contact next to it, stopping at `first + 1` matches or after `scan`
 * entries. KEYS: 1 the `idx` key. ARGV: 1 key prefix, 2 max score or '+inf', 3 the position's id or '',
 * 4 first, 5 wrote-after time or '', 6 '1' or '0' (expected), 7 marketing opt-out '1', '0' or '', 8 scan.
 * Returns `{hasMore, endScore, endId, flat hash…}` with one flat HGETALL reply per contact, as JSON.
 */
const LIST_LUA = `
${BYTES_LESS_LUA}
local p, first, scanLimit = ARGV[1], tonumber(ARGV[4]), tonumber(ARGV[8])
local maxScore = ARGV[2] ~= '+inf' and tonumber(ARGV[2]) or nil
local afterId = ARGV[3]
local wroteAfter = ARGV[5] ~= '' and tonumber(ARGV[5]) or nil
local page, scanned, offset = {}, 0, 0
local lastScore, lastId = nil, nil
while #page <= first and scanned < scanLimit do
  local entries = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[2], '-inf', 'WITHSCORES', 'LIMIT', offset, 100)
  if #entries == 0 then break end
  offset = offset + #entries / 2
  for i = 1, #entries, 2 do
    local id, score = entries[i], tonumber(entries[i + 1])
    local after = maxScore == nil or score < maxScore or afterId == '' or bytesLess(id, afterId)
    if after then
      scanned = scanned + 1
      local fields = redis.call('HGETALL', p .. 'contact:' .. id)
      local hash = {}
      for j = 1, #fields, 2 do hash[fields[j]] = fields[j + 1] end
      -- A contact expired since the last write trimmed the index: skipped.
      local keep = #fields > 0
      if keep and wroteAfter ~= nil then
        local wrote = hash.lastInboundAt ~= nil and tonumber(hash.lastInboundAt) > wroteAfter
        keep = (wrote and ARGV[6] == '1') or (not wrote and ARGV[6] == '0')
      end
      if keep and ARGV[7] ~= '' then keep = (hash.marketingOptOut or '0') == ARGV[7] end
      if keep then
        if #page == first then return {1, tostring(lastScore), lastId, unpack(page)} end
        page[#page + 1] = cjson.encode(fields)
      end
      lastScore, lastId = score, id
      if #page > first or scanned >= scanLimit then break end
    end
  end
end
if scanned >= scanLimit and lastId ~= nil then return {1, tostring(lastScore), lastId, unpack(page)} end
return {0, '', '', unpack(page)}
`;

/** Contacts read per page walk at most, so that a rare filter cannot block Redis. */
const SCAN_LIMIT = 5_000;

interface ContactScripts {
  waContactObserve(
    index: string,
    prefix: string,
    seenAt: number,
    sightings: string,
    retentionMs: number,
  ): Promise<number>;
  waContactFind(index: string, prefix: string, name: string): Promise<string[]>;
  waContactList(
    index: string,
    ...args: Array<string | number>
  ): Promise<[number, string, string, ...string[]]>;
}

/** The hash tag every contact key carries, so that one script can join two contacts on a cluster. */
const CONTACT_KEYS_HASH_TAG = '{c}';

/** Contacts in Redis; the connection is the composition root's. */
export class RedisContactStore implements ContactStore {
  private readonly redis: (Redis | Cluster) & ContactScripts;
  private readonly prefix: string;

  /** `retentionMs`: how long a contact is kept after its last activity (`MESSAGE_RETENTION_DAYS`). */
  constructor(
    connection: Redis | Cluster,
    keyPrefix: string,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {
    connection.defineCommand('waContactObserve', { numberOfKeys: 1, lua: OBSERVE_LUA });
    connection.defineCommand('waContactFind', { numberOfKeys: 1, lua: FIND_LUA, readOnly: true });
    connection.defineCommand('waContactList', { numberOfKeys: 1, lua: LIST_LUA, readOnly: true });
    this.redis = connection as (Redis | Cluster) & ContactScripts;
    this.prefix = `${keyPrefix}${CONTACT_KEYS_HASH_TAG}:`;
  }

  async observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void> {
    if (sightings.length === 0) return;
    await this.redis.waContactObserve(
      `${this.prefix}idx`,
      this.prefix,
      seenAt,
      JSON.stringify(sightings),
      this.retentionMs,
    );
  }

  async find(idOrIdentity: string): Promise<ContactRecord | null> {
    const fields = await this.redis.waContactFind(
      `${this.prefix}idx`,
      this.prefix,
      normaliseCustomerId(idOrIdentity),
    );
    return fields.length === 0 ? null : decodeContact(fields);
  }

  async list(filter: ContactFilter, first: number, after: ContactPosition | null): Promise<ContactPage> {
    const [hasMore, endScore, endId, ...raws] = await this.redis.waContactList(
      `${this.prefix}idx`,
      this.prefix,
      after === null ? '+inf' : after.lastSeenAt,
      after?.id ?? '',
      first,
      filter.wroteAfter?.at ?? '',
      filter.wroteAfter?.expected === false ? '0' : '1',
      filter.marketingOptOut === undefined ? '' : filter.marketingOptOut ? '1' : '0',
      SCAN_LIMIT,
    );
    return {
      contacts: raws.map((raw) => decodeContact(JSON.parse(raw) as string[])),
      end: hasMore === 1 ? { lastSeenAt: Number(endScore), id: endId } : null,
    };
  }
}

const TEXT_FIELDS = ['waId', 'phone', 'userId', 'parentUserId', 'username', 'profileName'] as const;

function decodeContact(flat: readonly string[]): ContactRecord {
  const hash = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) hash.set(flat[i] as string, flat[i + 1] as string);
  const contact: ContactRecord = {
    id: hash.get('id') ?? '',
    firstSeenAt: Number(hash.get('firstSeenAt') ?? 0),
    lastSeenAt: Number(hash.get('lastSeenAt') ?? 0),
  };
  for (const field of TEXT_FIELDS) {
    const value = hash.get(field);
    if (value !== undefined) contact[field] = value;
  }
  const inbound = hash.get('lastInboundAt');
  if (inbound !== undefined) contact.lastInboundAt = Number(inbound);
  const optOut = hash.get('marketingOptOut');
  if (optOut !== undefined) {
    contact.marketingOptOut = optOut === '1';
    contact.marketingPreferenceAt = Number(hash.get('marketingPreferenceAt') ?? 0);
  }
  return contact;
}
