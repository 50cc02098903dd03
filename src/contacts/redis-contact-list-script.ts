import { type ContactFilter, type ContactPosition } from './contact';
import {
  BYTES_LESS_LUA,
  type LuaScript,
  MalformedScriptReplyError,
  replyPage,
  type ScriptArg,
} from '../store-kit';

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
