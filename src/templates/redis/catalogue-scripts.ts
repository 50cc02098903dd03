// The Lua scripts of the Redis catalogue. Each writes the account's templates, its revision and the set of
// accounts, and publishes the change, in one run: a change is published only once it is stored, and every
// instance's cache hears the revisions in order. The publish command is PUBLISH, or SPUBLISH on a cluster
// (every key and the channel share one hash tag, so a script's keys and channel are in one slot).
//
// KEYS of every script: 1 the account's templates (hash: id → record JSON), 2 its revision, 3 the set of
// accounts. ARGV: 1 the account id, 2 the publish command, 3 the channel, then the script's own.
//
// The published JSON is put together from strings: decoding the record into Lua and encoding it again
// would turn its empty arrays into objects (cjson cannot tell them apart).

/** Lua's `unpack` is limited by its C stack: the records go to HSET 200 at a time. */
const HSET_CHUNK_ARGS = 400;

/** ARGV 4…: id, record JSON, id, record JSON, … Returns `{removed, revision}`. */
export const REPLACE_ACCOUNT_LUA = `
local removed = 0
local incoming = {}
for i = 4, #ARGV, 2 do incoming[ARGV[i]] = true end
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  if not incoming[id] then removed = removed + 1 end
end
redis.call('DEL', KEYS[1])
for i = 4, #ARGV, ${HSET_CHUNK_ARGS} do
  redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + ${HSET_CHUNK_ARGS - 1}, #ARGV)))
end
redis.call('SADD', KEYS[3], ARGV[1])
local revision = redis.call('INCR', KEYS[2])
redis.call(ARGV[2], ARGV[3], '{"kind":"REPLACED","businessAccountId":' .. cjson.encode(ARGV[1]) ..
  ',"revision":' .. revision .. '}')
return {removed, revision}
`;

/** ARGV 4 the template id, 5 its record JSON. Returns the revision. */
export const UPSERT_LUA = `
redis.call('HSET', KEYS[1], ARGV[4], ARGV[5])
redis.call('SADD', KEYS[3], ARGV[1])
local revision = redis.call('INCR', KEYS[2])
redis.call(ARGV[2], ARGV[3], '{"kind":"UPSERTED","businessAccountId":' .. cjson.encode(ARGV[1]) ..
  ',"revision":' .. revision .. ',"template":' .. ARGV[5] .. '}')
return revision
`;

/** ARGV 4 the template id. Returns the revision, or 0 when there was no such template (nothing published). */
export const REMOVE_LUA = `
if redis.call('HDEL', KEYS[1], ARGV[4]) == 0 then return 0 end
local revision = redis.call('INCR', KEYS[2])
redis.call(ARGV[2], ARGV[3], '{"kind":"REMOVED","businessAccountId":' .. cjson.encode(ARGV[1]) ..
  ',"revision":' .. revision .. ',"templateId":' .. cjson.encode(ARGV[4]) .. '}')
return revision
`;

/** The account's revision and records, read together so that they agree. KEYS 1 and 2 only. */
export const READ_ACCOUNT_LUA = `
return {redis.call('GET', KEYS[2]) or '0', redis.call('HVALS', KEYS[1])}
`;
