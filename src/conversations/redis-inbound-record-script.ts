import { type InboundMessageRecord } from './inbound-message';
import { type InboundChangeKind } from './inbound-changes';
import {
  BYTES_LESS_LUA,
  INDEX_UNDER_NAMES_LUA,
  type LuaScript,
  MalformedScriptReplyError,
  replyStringGroups,
  type ScriptArg,
} from '../store-kit';

/**
 * Stores inbound messages not seen before, indexes each under its sender's names, appends it to the
 * bounded inbound stream and publishes it with its cursor: atomically, so that a message is never
 * published without being kept. Every key is named from ARGV 1 (one hash tag: one slot on a cluster).
 * KEYS: 1 the stream. ARGV: `encodeRecordInboundArgs`. Returns per new message its cursor, its JSON, and
 * the JSON of its latest edit and of its revocation ('' for none): `decodeRecordInboundReply`. A message
 * expires `retention` after it was stored (Redis's clock); each `in-by:` index gets the same TTL on every
 * write and drops the ids sent more than `retention` before the message it adds.
 *
 * An edit or revocation is also kept under `in-edit:`/`in-revoke:` + the changed wamid (the later by
 * timestamp, then wamid, wins), whether or not that message is stored: reads put the two beside the
 * message, and so does this script for a message whose change came first. The records are never decoded
 * and re-encoded here (cjson would turn `[]` into `{}` in `raw`).
 */
export const RECORD_INBOUND_LUA = `
${BYTES_LESS_LUA}
${INDEX_UNDER_NAMES_LUA}
local p = ARGV[1]
local retention = tonumber(ARGV[5])
local out = {}
for i = 6, #ARGV, 4 do
  local message = cjson.decode(ARGV[i])
  if redis.call('SET', p .. 'in:' .. message.id, ARGV[i], 'NX', 'PX', retention) then
    indexUnderNames(p .. 'in-by:', ARGV[i + 1], message.timestamp, message.id, retention)
    local kind = ARGV[i + 2]
    if kind ~= '' then
      local key = p .. 'in-' .. kind .. ':' .. ARGV[i + 3]
      local kept = redis.call('GET', key)
      local later = not kept
      if kept then
        local other = cjson.decode(kept)
        later = other.timestamp < message.timestamp
          or (other.timestamp == message.timestamp and bytesLess(other.id, message.id))
      end
      if later then redis.call('SET', key, ARGV[i], 'PX', retention) end
    end
    local edit = redis.call('GET', p .. 'in-edit:' .. message.id) or ''
    local revoke = redis.call('GET', p .. 'in-revoke:' .. message.id) or ''
    local fields = {'m', ARGV[i]}
    if edit ~= '' then
      fields[#fields + 1] = 'e'
      fields[#fields + 1] = edit
    end
    if revoke ~= '' then
      fields[#fields + 1] = 'r'
      fields[#fields + 1] = revoke
    end
    local cursor = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
    local payload = '{"cursor":"' .. cursor .. '","message":' .. ARGV[i]
    if edit ~= '' then payload = payload .. ',"edit":' .. edit end
    if revoke ~= '' then payload = payload .. ',"revoke":' .. revoke end
    redis.call(ARGV[4], ARGV[3], payload .. '}')
    out[#out + 1] = cursor
    out[#out + 1] = ARGV[i]
    out[#out + 1] = edit
    out[#out + 1] = revoke
  end
end
return out
`;

export const RECORD_INBOUND_COMMAND = 'waInboundRecord';

/** KEYS: 1 the inbound stream. */
export const RECORD_INBOUND_SCRIPT: LuaScript = { lua: RECORD_INBOUND_LUA, numberOfKeys: 1 };

export interface InboundToRecord {
  message: InboundMessageRecord;
  /** The names its sender is indexed under (`customerNamesOf`). */
  customerNames: readonly string[];
  /** What an edit or a revocation changes (`changeOf`), else null. */
  change: { kind: InboundChangeKind; target: string } | null;
}

export interface RecordInboundArgs {
  /** The prefix of every key, with its hash tag. */
  keyPrefix: string;
  streamMaxLength: number;
  channel: string;
  publishCommand: 'PUBLISH' | 'SPUBLISH';
  retentionMs: number;
  messages: readonly InboundToRecord[];
}

/**
 * ARGV: 1 key prefix, 2 stream max length, 3 channel, 4 `PUBLISH` or `SPUBLISH`, 5 retention in ms, then per
 * message (from 6, four each) its JSON, its names joined by a space, its change's kind (`edit`, `revoke`;
 * else '') and the wamid it changes (else '').
 */
export function encodeRecordInboundArgs(args: RecordInboundArgs): ScriptArg[] {
  const argv: ScriptArg[] = [
    args.keyPrefix,
    args.streamMaxLength,
    args.channel,
    args.publishCommand,
    args.retentionMs,
  ];
  for (const { message, customerNames, change } of args.messages) {
    argv.push(JSON.stringify(message), customerNames.join(' '), change?.kind ?? '', change?.target ?? '');
  }
  return argv;
}

/** A message the script stored (one it had not seen before). */
export interface RecordedInbound {
  cursor: string;
  /** The message's JSON. */
  message: string;
  /** The JSON of its latest edit and of its revocation, '' for none. */
  edit: string;
  revoke: string;
}

/** The messages stored, in the order they were given (those seen before left out). */
export function decodeRecordInboundReply(reply: unknown): RecordedInbound[] {
  const entries = replyStringGroups(RECORD_INBOUND_COMMAND, reply, 4);
  const recorded: RecordedInbound[] = [];
  for (let i = 0; i < entries.length; i += 4) {
    const cursor = entries[i];
    if (cursor === '')
      throw new MalformedScriptReplyError(RECORD_INBOUND_COMMAND, `an empty cursor at ${i + 1}`);
    recorded.push({
      cursor,
      message: entries[i + 1],
      edit: entries[i + 2],
      revoke: entries[i + 3],
    });
  }
  return recorded;
}
