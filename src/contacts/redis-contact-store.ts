import { type Redis, type Cluster } from 'ioredis';
import { type EpochMillis, normaliseCustomerId } from '../messages';
import { type ContactRecord, type ContactSighting, type ContactStore } from './contact';

/**
 * Applies a webhook's sightings with the joining rules of `ContactStore.observe`, atomically, in one round
 * trip. Every key is named from ARGV 1, which carries one hash tag: the contacts share a slot on a cluster.
 * Keys: `contact:<id>` (hash), `alias:<number or BSUID>` → id, `idx` (sorted set of ids by last activity).
 * KEYS: 1 the `idx` key (declared so that a cluster routes the script to the contacts' slot).
 * ARGV: 1 key prefix, 2 seenAt, 3 sightings JSON.
 */
const OBSERVE_LUA = `
local p = ARGV[1]
local seenAt = tonumber(ARGV[2])
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
    redis.call('SET', p .. 'alias:' .. id, id)
    if phone then redis.call('SET', p .. 'alias:' .. phone, id) end
    redis.call('ZADD', p .. 'idx', tonumber(redis.call('HGET', key, 'lastSeenAt')), id)
  end
end
return 1
`;

/** A contact by any of its names, in one round trip. KEYS: 1 the `idx` key. ARGV: 1 key prefix, 2 the name. */
const FIND_LUA = `
local id = redis.call('GET', ARGV[1] .. 'alias:' .. ARGV[2])
if not id then return {} end
return redis.call('HGETALL', ARGV[1] .. 'contact:' .. id)
`;

interface ContactScripts {
  waContactObserve(index: string, prefix: string, seenAt: number, sightings: string): Promise<number>;
  waContactFind(index: string, prefix: string, name: string): Promise<string[]>;
}

/** The hash tag every contact key carries, so that one script can join two contacts on a cluster. */
const CONTACT_KEYS_HASH_TAG = '{c}';

/** Contacts in Redis; the connection is the composition root's. */
export class RedisContactStore implements ContactStore {
  private readonly redis: (Redis | Cluster) & ContactScripts;
  private readonly prefix: string;

  constructor(connection: Redis | Cluster, keyPrefix: string) {
    connection.defineCommand('waContactObserve', { numberOfKeys: 1, lua: OBSERVE_LUA });
    connection.defineCommand('waContactFind', { numberOfKeys: 1, lua: FIND_LUA, readOnly: true });
    this.redis = connection as (Redis | Cluster) & ContactScripts;
    this.prefix = `${keyPrefix}${CONTACT_KEYS_HASH_TAG}:`;
  }

  async observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void> {
    if (sightings.length === 0) return;
    await this.redis.waContactObserve(`${this.prefix}idx`, this.prefix, seenAt, JSON.stringify(sightings));
  }

  async find(idOrIdentity: string): Promise<ContactRecord | null> {
    const fields = await this.redis.waContactFind(
      `${this.prefix}idx`,
      this.prefix,
      normaliseCustomerId(idOrIdentity),
    );
    return fields.length === 0 ? null : decodeContact(fields);
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
