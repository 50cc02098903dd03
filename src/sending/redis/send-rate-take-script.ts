import { describeReply, type LuaScript, MalformedScriptReplyError, type ScriptArg } from '../../store-kit';

/**
 * `takeToken` of send-rate-limiter.ts in Lua, on Redis's own clock so that gateways with skewed clocks
 * share one bucket fairly. The bucket expires once it would be full again: an idle sender costs nothing.
 *
 * KEYS: 1 the bucket, `<prefix>rate:<sender>` (one key per script: no hash tag needed on a cluster).
 * ARGV: `encodeTakeTokenArgs`. Returns `{tokens taken, 0}` or `{0, retry-after ms}`
 * (`decodeTakeTokenReply`).
 */
export const TAKE_TOKEN_LUA = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3]) or 1
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or burst
local at = tonumber(saved[2]) or now
if now > at then tokens = math.min(burst, tokens + (now - at) * rate / 1000) end
local allowed, wait = 0, 0
if tokens >= 1 then
  allowed = math.min(want, math.floor(tokens))
  tokens = tokens - allowed
else
  wait = math.max(1, math.ceil((1 - tokens) * 1000 / rate - 1e-6))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}
`;

export const TAKE_TOKEN_COMMAND = 'waSendRateTake';

/** KEYS: 1 the bucket. */
export const TAKE_TOKEN_SCRIPT: LuaScript = { lua: TAKE_TOKEN_LUA, numberOfKeys: 1 };

export interface TakeTokenArgs {
  ratePerSecond: number;
  burst: number;
  /** Most tokens to take. */
  count: number;
}

/** ARGV: 1 tokens a second, 2 burst, 3 most tokens to take. */
export function encodeTakeTokenArgs(args: TakeTokenArgs): ScriptArg[] {
  return [args.ratePerSecond, args.burst, args.count];
}

export interface TakeTokenReply {
  /** Tokens taken: 0 when the bucket had none. */
  taken: number;
  /** When none were taken, in how many ms one will be there; else 0. */
  retryAfterMs: number;
}

export function decodeTakeTokenReply(reply: unknown): TakeTokenReply {
  if (
    !Array.isArray(reply) ||
    reply.length !== 2 ||
    !reply.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  ) {
    const got = Array.isArray(reply) ? `{${reply.map(describeReply).join(', ')}}` : describeReply(reply);
    throw new MalformedScriptReplyError(
      TAKE_TOKEN_COMMAND,
      `expected {tokens taken, retry-after ms}, two whole numbers, got ${got}`,
    );
  }
  const [taken, retryAfterMs] = reply as [number, number];
  return { taken, retryAfterMs };
}
