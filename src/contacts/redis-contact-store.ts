import { type Redis, type Cluster } from 'ioredis';
import {
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
} from './contact';
import {
  BYTES_LESS_LUA,
  DEFAULT_RETENTION_MS,
  defineScripts,
  describeReply,
  type EpochMillis,
  type LuaScript,
  MalformedScriptReplyError,
  normaliseCustomerId,
  replyPage,
  replyStrings,
  type ScriptArg,
  type ScriptCommands,
} from '../store-kit';

// The store's three scripts, each followed by its contract: how it is defined, the encoder of its ARGV
// from named fields, and the decoder that checks its reply.

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

/**
 * A contact by any of its names, in one round trip. KEYS: 1 the `idx` key. ARGV: `encodeFindContactArgs`.
 * Returns the contact's hash as HGETALL gives it, or `{}` for none.
 */
export const FIND_CONTACT_LUA = `
local id = redis.call('GET', ARGV[1] .. 'alias:' .. ARGV[2])
if not id then return {} end
return redis.call('HGETALL', ARGV[1] .. 'contact:' .. id)
`;

export const FIND_CONTACT_COMMAND = 'waContactFind';

export const FIND_CONTACT_SCRIPT: LuaScript = { lua: FIND_CONTACT_LUA, numberOfKeys: 1, readOnly: true };

/** ARGV: 1 key prefix, 2 the name (normalised). */
export function encodeFindContactArgs(args: { keyPrefix: string; name: string }): ScriptArg[] {
  return [args.keyPrefix, args.name];
}

/** The contact's hash, field and value alternating, or null when no contact has the name. */
export function decodeFindContactReply(reply: unknown): string[] | null {
  const fields = replyStrings(FIND_CONTACT_COMMAND, reply);
  if (fields.length % 2 !== 0) {
    throw new MalformedScriptReplyError(
      FIND_CONTACT_COMMAND,
      `expected field and value pairs, got ${fields.length}`,
    );
  }
  return fields.length === 0 ? null : fields;
}

/**
 * A page of contacts by latest activity, newest first, filtered, in one round trip: walks `idx` backwards
 * from the position and reads each contact next to it, stopping at `first + 1` matches or after `scan`
 * entries. KEYS: 1 the `idx` key. ARGV: `encodeListContactsArgs`.
 * Returns `{hasMore, endScore, endId, flat hash…}` with one flat HGETALL reply per contact, as JSON
 * (`decodeListContactsReply`).
 */
export const LIST_CONTACTS_LUA = `
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

export const LIST_CONTACTS_COMMAND = 'waContactList';

export const LIST_CONTACTS_SCRIPT: LuaScript = { lua: LIST_CONTACTS_LUA, numberOfKeys: 1, readOnly: true };

export interface ListContactsArgs {
  /** The prefix of every contact key, with its hash tag. */
  keyPrefix: string;
  /** The last contact of the previous page, or null for the first page. */
  after: ContactPosition | null;
  first: number;
  filter: ContactFilter;
  /** Contacts read at most. */
  scanLimit: number;
}

/**
 * ARGV: 1 key prefix, 2 max score or '+inf', 3 the position's id or '', 4 first, 5 wrote-after time or '',
 * 6 '1' or '0' (the wrote-after expected), 7 marketing opt-out '1', '0' or '', 8 scan limit.
 */
export function encodeListContactsArgs(args: ListContactsArgs): ScriptArg[] {
  const { after, filter } = args;
  return [
    args.keyPrefix,
    after === null ? '+inf' : after.lastSeenAt,
    after?.id ?? '',
    args.first,
    filter.wroteAfter?.at ?? '',
    filter.wroteAfter?.expected === false ? '0' : '1',
    filter.marketingOptOut === undefined ? '' : filter.marketingOptOut ? '1' : '0',
    args.scanLimit,
  ];
}

export interface ListContactsReply {
  /** Each contact's hash, field and value alternating. */
  contacts: string[][];
  /** Where the next page starts after, or null when the walk reached the end. */
  end: ContactPosition | null;
}

export function decodeListContactsReply(reply: unknown): ListContactsReply {
  const page = replyPage(LIST_CONTACTS_COMMAND, reply);
  return {
    contacts: page.entries.map((raw, i) => decodeFlatHash(raw, i + 4)),
    end: page.hasMore ? { lastSeenAt: Number(page.endScore), id: page.endId } : null,
  };
}

/** A contact's hash as the list script encodes it: a JSON array of strings. */
function decodeFlatHash(raw: string, at: number): string[] {
  let fields: unknown;
  try {
    fields = JSON.parse(raw);
  } catch {
    fields = undefined;
  }
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) {
    throw new MalformedScriptReplyError(LIST_CONTACTS_COMMAND, `expected a JSON array of strings at ${at}`);
  }
  return fields;
}

const CONTACT_SCRIPTS = {
  [OBSERVE_CONTACTS_COMMAND]: OBSERVE_CONTACTS_SCRIPT,
  [FIND_CONTACT_COMMAND]: FIND_CONTACT_SCRIPT,
  [LIST_CONTACTS_COMMAND]: LIST_CONTACTS_SCRIPT,
};

/** Contacts read per page walk at most, so that a rare filter cannot block Redis. */
const SCAN_LIMIT = 5_000;

/** The hash tag every contact key carries, so that one script can join two contacts on a cluster. */
const CONTACT_KEYS_HASH_TAG = '{c}';

/** Contacts in Redis; the connection is the composition root's. */
export class RedisContactStore implements ContactStore {
  private readonly redis: (Redis | Cluster) & ScriptCommands<keyof typeof CONTACT_SCRIPTS>;
  private readonly prefix: string;

  /** `retentionMs`: how long a contact is kept after its last activity (`MESSAGE_RETENTION_DAYS`). */
  constructor(
    connection: Redis | Cluster,
    keyPrefix: string,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {
    this.redis = defineScripts(connection, CONTACT_SCRIPTS);
    this.prefix = `${keyPrefix}${CONTACT_KEYS_HASH_TAG}:`;
  }

  async observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void> {
    if (sightings.length === 0) return;
    const reply = await this.redis[OBSERVE_CONTACTS_COMMAND](
      `${this.prefix}idx`,
      ...encodeObserveContactsArgs({
        keyPrefix: this.prefix,
        seenAt,
        sightings,
        retentionMs: this.retentionMs,
      }),
    );
    decodeObserveContactsReply(reply);
  }

  async find(idOrIdentity: string): Promise<ContactRecord | null> {
    const reply = await this.redis[FIND_CONTACT_COMMAND](
      `${this.prefix}idx`,
      ...encodeFindContactArgs({ keyPrefix: this.prefix, name: normaliseCustomerId(idOrIdentity) }),
    );
    const fields = decodeFindContactReply(reply);
    return fields === null ? null : decodeContact(fields);
  }

  async list(filter: ContactFilter, first: number, after: ContactPosition | null): Promise<ContactPage> {
    const reply = await this.redis[LIST_CONTACTS_COMMAND](
      `${this.prefix}idx`,
      ...encodeListContactsArgs({ keyPrefix: this.prefix, after, first, filter, scanLimit: SCAN_LIMIT }),
    );
    const page = decodeListContactsReply(reply);
    return { contacts: page.contacts.map(decodeContact), end: page.end };
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
