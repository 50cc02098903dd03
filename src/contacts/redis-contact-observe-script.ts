import { type ContactSighting } from './contact';
import {
  describeReply,
  type EpochMillis,
  type LuaScript,
  MalformedScriptReplyError,
  type ScriptArg,
} from '../store-kit';

/**
 * Applies a webhook's sightings with the joining rules of `ContactStore.observe`, atomically, in one round
 * trip. Every key is named from ARGV 1, which carries one hash tag: the contacts share a slot on a cluster.
 * Keys: `contact:<id>` (hash), `alias:<number or BSUID>` → id, `idx` (sorted set of ids by last activity).
 * KEYS: 1 the `idx` key (declared so that a cluster routes the script to the contacts' slot).
 * ARGV: `encodeObserveContactsArgs`. Returns 1.
 * A contact, its aliases and `idx` expire `retention` after the last write (Redis's clock); `idx` drops
 * the ids last seen more than `retention` before this seenAt.
 */
export const OBSERVE_CONTACTS_LUA = `
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

export const OBSERVE_CONTACTS_COMMAND = 'waContactObserve';

export const OBSERVE_CONTACTS_SCRIPT: LuaScript = { lua: OBSERVE_CONTACTS_LUA, numberOfKeys: 1 };

export interface ObserveContactsArgs {
  /** The prefix of every contact key, with its hash tag. */
  keyPrefix: string;
  seenAt: EpochMillis;
  sightings: readonly ContactSighting[];
  retentionMs: number;
}

/** ARGV: 1 key prefix, 2 seenAt, 3 sightings JSON, 4 retention in ms. */
export function encodeObserveContactsArgs(args: ObserveContactsArgs): ScriptArg[] {
  return [args.keyPrefix, args.seenAt, JSON.stringify(args.sightings), args.retentionMs];
}

export function decodeObserveContactsReply(reply: unknown): void {
  if (reply !== 1) {
    throw new MalformedScriptReplyError(OBSERVE_CONTACTS_COMMAND, `expected 1, got ${describeReply(reply)}`);
  }
}
