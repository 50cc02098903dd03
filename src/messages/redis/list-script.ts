import {
  BYTES_LESS_LUA,
  type EpochMillis,
  type LuaScript,
  type PagePosition,
  replyPage,
  type ScriptArg,
} from '../../store-kit';

/**
 * One page of `messages`, newest first, in one round trip: walks a createdAt index backwards, reads
 * each record next to it, applies the filters of `message-filter.ts`, and stops at `first + 1` matches
 * (to know whether a next page exists) or after `scanLimit` index entries (a rare filter must not block
 * Redis: the page then comes back short, with a cursor where the walk stopped).
 *
 * KEYS: 1 the index to walk (by recipient, else by phone number, else all). ARGV: `encodeListMessagesArgs`.
 * Returns `{hasNext, endScore, endId, record JSON…}` (`decodeListMessagesReply`).
 */
export const LIST_MESSAGES_LUA = `
${BYTES_LESS_LUA}

local first = tonumber(ARGV[6])
local scanLimit = tonumber(ARGV[9])
local afterScore = ARGV[4] ~= '' and tonumber(ARGV[4]) or nil
local afterId = ARGV[5]
local statuses = nil
if ARGV[7] ~= '' then
  statuses = {}
  for s in string.gmatch(ARGV[7], '[^,]+') do statuses[s] = true end
end
local phone = ARGV[8]
local decode = statuses ~= nil or phone ~= ''

local page, scores, ids = {}, {}, {}
local scanned, offset = 0, 0
local batch = math.max(first + 1, 64)
local lastScore, lastId = nil, nil
local exhausted = false
while #page <= first and scanned < scanLimit do
  local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[2], ARGV[3], 'WITHSCORES', 'LIMIT', offset, batch)
  if #chunk == 0 then exhausted = true break end
  offset = offset + #chunk / 2
  for i = 1, #chunk, 2 do
    local id, score = chunk[i], tonumber(chunk[i + 1])
    if not (afterScore ~= nil and score == afterScore and not bytesLess(id, afterId)) then
      scanned = scanned + 1
      lastScore, lastId = score, id
      local raw = redis.call('GET', ARGV[1] .. id)
      if raw then
        local keep = true
        if decode then
          local rec = cjson.decode(raw)
          if statuses ~= nil and not statuses[rec.status] then keep = false end
          if phone ~= '' and rec.phoneNumberId ~= phone then keep = false end
        end
        if keep then
          page[#page + 1] = raw
          scores[#page] = score
          ids[#page] = id
        end
      end
      if #page > first or scanned >= scanLimit then break end
    end
  end
  if #chunk < batch * 2 then
    if #page <= first and scanned < scanLimit then exhausted = true end
    break
  end
end

local result
if #page > first then
  result = {1, tostring(scores[first]), ids[first]}
  page[#page] = nil
elseif not exhausted and lastId ~= nil then
  result = {1, tostring(lastScore), lastId}
else
  result = {0, '', ''}
end
for i = 1, #page do result[#result + 1] = page[i] end
return result
`;

export const LIST_MESSAGES_COMMAND = 'waMessageList';

/** KEYS: 1 the index to walk. */
export const LIST_MESSAGES_SCRIPT: LuaScript = { lua: LIST_MESSAGES_LUA, numberOfKeys: 1, readOnly: true };

export interface ListMessagesArgs {
  /** The prefix of the partition's record keys. */
  recordPrefix: string;
  /** The latest createdAt on the page (Infinity: no bound). */
  maxCreatedAt: number;
  /** The earliest createdAt on the page (undefined: no bound). */
  minCreatedAt: EpochMillis | undefined;
  /** The last message of the previous page (the page resumes after it), or null for the first page. */
  after: PagePosition | null;
  first: number;
  /** Only these statuses (none: any). */
  statuses: readonly string[];
  /** The phone number id every record must have (undefined: not checked; the index walked already says). */
  phoneNumberId: string | undefined;
  /** Index entries walked at most. */
  scanLimit: number;
}

/**
 * ARGV: 1 record key prefix, 2 max score (`+inf` for none), 3 min score (`-inf` for none), 4 after score or
 * '', 5 after id or '', 6 first, 7 statuses joined by ',' or '', 8 phone number id to check or '', 9 scan
 * limit.
 */
export function encodeListMessagesArgs(args: ListMessagesArgs): ScriptArg[] {
  return [
    args.recordPrefix,
    args.maxCreatedAt === Infinity ? '+inf' : args.maxCreatedAt,
    args.minCreatedAt ?? '-inf',
    args.after?.createdAt ?? '',
    args.after?.id ?? '',
    args.first,
    args.statuses.join(','),
    args.phoneNumberId ?? '',
    args.scanLimit,
  ];
}

export interface ListMessagesReply {
  /** The records' JSON, newest first. */
  records: string[];
  /** Where the next page starts after (the last record walked), or null when the walk reached the end. */
  end: PagePosition | null;
}

export function decodeListMessagesReply(reply: unknown): ListMessagesReply {
  const page = replyPage(LIST_MESSAGES_COMMAND, reply);
  return {
    records: page.entries,
    end: page.hasMore ? { createdAt: Number(page.endScore), id: page.endId } : null,
  };
}
