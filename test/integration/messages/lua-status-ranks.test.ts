import { type Redis } from 'ioredis';
import { MessageStatus } from '../../../src/messages';
import { APPLY_STATUS_LUA } from '../../../src/messages/redis/apply-script';
import { statusRank } from '../../../src/messages/status-rules';
import { connectRedis } from './redis-harness';

/**
 * The apply script's status ranks are the TypeScript ones: the script's own `RANK` line, run by Redis's
 * Lua, gives every status the rank `statusRank` gives it (and none to the statuses off the ladder).
 */
let redis: Redis;
beforeAll(async () => {
  redis = await connectRedis();
});
afterAll(() => {
  redis.disconnect();
});

it('gives every status the rank of statusRank', async () => {
  const rankLine = APPLY_STATUS_LUA.split('\n').find((line) => line.startsWith('local RANK = '));
  expect(rankLine).toBeDefined();
  const statuses = Object.values(MessageStatus);
  // Lua's nil cannot sit in a returned table, so each status's rank comes back as a string, '' for nil.
  const script = `${rankLine ?? ''}
local ranks = {}
for i, status in ipairs(ARGV) do ranks[i] = RANK[status] == nil and '' or tostring(RANK[status]) end
return ranks`;
  const luaRanks = (await redis.eval(script, 0, ...statuses)) as string[];

  const scriptRanks = statuses.map((status, i) => [status, luaRanks[i] === '' ? null : Number(luaRanks[i])]);
  expect(scriptRanks).toEqual(statuses.map((status) => [status, statusRank(status)]));
});
