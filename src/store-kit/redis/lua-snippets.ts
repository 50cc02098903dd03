/**
 * Lua shared by the scripts that walk sorted sets: Redis orders members of equal score by their bytes,
 * and Lua's `<` on strings follows the locale, so pages resume after a member with this instead.
 */
export const BYTES_LESS_LUA = `
local function bytesLess(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
`;

/**
 * Lua shared by the scripts that page a customer's time line kept under several names (number, BSUID):
 * `newestOnPage(keys, max, beforeId, limit)` walks each name's sorted set from `max` ('+inf' or a score)
 * down, keeps what is on the page (below the position, or at its score and before its id in byte order;
 * with `beforeId` '' every member at `max` is), merges the names without duplicates and returns
 * `{ id, score }` newest first, ties by id descending. At most `limit` + 64 per name are read: ties at
 * the position's score are few, and the margin keeps them on the page without a second walk. The caller
 * reads the records and stops at its limit, skipping ids whose record expired.
 */
export const NEWEST_ON_PAGE_LUA = `
${BYTES_LESS_LUA}
local function newestOnPage(keys, max, beforeId, limit)
  local maxScore = max ~= '+inf' and tonumber(max) or nil
  local seen, found = {}, {}
  for _, key in ipairs(keys) do
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
  return found
end
`;

/**
 * Lua shared by the scripts that keep a customer's time line under each of their names (number, BSUID):
 * `indexUnderNames(indexPrefix, names, score, id, retention)` adds `id` at `score` to the sorted set of each
 * name in `names` (joined by spaces), drops the members more than `retention` older than it, and gives the
 * set the same TTL, so that an index lives as long as what it lists.
 */
export const INDEX_UNDER_NAMES_LUA = `
local function indexUnderNames(indexPrefix, names, score, id, retention)
  for name in string.gmatch(names, '%S+') do
    local index = indexPrefix .. name
    redis.call('ZADD', index, score, id)
    redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. string.format('%d', score - retention))
    redis.call('PEXPIRE', index, retention)
  end
end
`;
