import {
  describeReply,
  type EpochMillis,
  type LuaScript,
  MalformedScriptReplyError,
  type ScriptArg,
} from '../../store-kit';

/**
 * Raises a customer's latest inbound time; the key expires `retention` after its last raise.
 * KEYS: 1 the key. ARGV: `encodeInboundMaxArgs`. Returns 1 when it raised the time, 0 when it was as late.
 */
export const INBOUND_MAX_LUA = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

export const INBOUND_MAX_COMMAND = 'waMessageInbound';

/** KEYS: 1 the customer's inbound-time key. */
export const INBOUND_MAX_SCRIPT: LuaScript = { lua: INBOUND_MAX_LUA, numberOfKeys: 1 };

export interface InboundMaxArgs {
  inboundAt: EpochMillis;
  retentionMs: number;
}

/** ARGV: 1 the inbound time, 2 retention in ms. */
export function encodeInboundMaxArgs(args: InboundMaxArgs): ScriptArg[] {
  return [args.inboundAt, args.retentionMs];
}

export interface InboundMaxReply {
  /** Whether the time was raised (false: the key held as late a time). */
  raised: boolean;
}

export function decodeInboundMaxReply(reply: unknown): InboundMaxReply {
  if (reply !== 0 && reply !== 1) {
    throw new MalformedScriptReplyError(INBOUND_MAX_COMMAND, `expected 0 or 1, got ${describeReply(reply)}`);
  }
  return { raised: reply === 1 };
}
