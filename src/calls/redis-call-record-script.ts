import { type NewCallEvent } from './call-event';
import {
  INDEX_UNDER_NAMES_LUA,
  type LuaScript,
  MalformedScriptReplyError,
  replyStrings,
  type ScriptArg,
} from '../store-kit';

/**
 * Stores call events not seen before, indexes each under its customer's names, appends it to the bounded
 * call event stream and publishes it with its cursor: atomically, so that an event is never published
 * without being kept. The stored record is the event's JSON as the gateway wrote it with the cursor put in
 * front, never re-encoded here (cjson would turn Meta's empty lists into objects and round long numbers).
 * Every key is named from ARGV 1 (one hash tag: one slot on a cluster).
 * KEYS: 1 the stream. ARGV: `encodeRecordCallsArgs`. Returns the cursor of each event, or '' for one
 * already stored (`decodeRecordCallsReply`). An event expires `retention` after it was stored (Redis's
 * clock); each `call-by:` index gets the same TTL on every write and drops the ids of events more than
 * `retention` older than the one it adds.
 */
export const RECORD_CALLS_LUA = `
${INDEX_UNDER_NAMES_LUA}
local p = ARGV[1]
local retention = tonumber(ARGV[5])
local out = {}
for i = 6, #ARGV, 4 do
  local key = p .. 'call:' .. ARGV[i]
  if redis.call('EXISTS', key) == 1 then
    out[#out + 1] = ''
  else
    local cursor = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[i + 1])
    local record = '{"cursor":"' .. cursor .. '",' .. string.sub(ARGV[i + 1], 2)
    redis.call('SET', key, record, 'PX', retention)
    indexUnderNames(p .. 'call-by:', ARGV[i + 2], tonumber(ARGV[i + 3]), ARGV[i], retention)
    redis.call(ARGV[4], ARGV[3], record)
    out[#out + 1] = cursor
  end
end
return out
`;

export const RECORD_CALLS_COMMAND = 'waCallRecord';

/** KEYS: 1 the call event stream. */
export const RECORD_CALLS_SCRIPT: LuaScript = { lua: RECORD_CALLS_LUA, numberOfKeys: 1 };

export interface CallEventToRecord {
  event: NewCallEvent;
  /** The names its customer is indexed under (`customerNamesOfCall`). */
  customerNames: readonly string[];
}

export interface RecordCallsArgs {
  /** The prefix of every key, with its hash tag. */
  keyPrefix: string;
  streamMaxLength: number;
  channel: string;
  publishCommand: 'PUBLISH' | 'SPUBLISH';
  retentionMs: number;
  events: readonly CallEventToRecord[];
}

/**
 * ARGV: 1 key prefix, 2 stream max length, 3 channel, 4 `PUBLISH` or `SPUBLISH`, 5 retention in ms, then per
 * event (from 6, four each) its id, its JSON, its names joined by a space and its timestamp.
 */
export function encodeRecordCallsArgs(args: RecordCallsArgs): ScriptArg[] {
  const argv: ScriptArg[] = [
    args.keyPrefix,
    args.streamMaxLength,
    args.channel,
    args.publishCommand,
    args.retentionMs,
  ];
  for (const { event, customerNames } of args.events) {
    argv.push(event.id, JSON.stringify(event), customerNames.join(' '), event.timestamp);
  }
  return argv;
}

/** Per event given, in order: its cursor, or null for one stored already. */
export function decodeRecordCallsReply(reply: unknown, eventCount: number): Array<string | null> {
  const cursors = replyStrings(RECORD_CALLS_COMMAND, reply);
  if (cursors.length !== eventCount) {
    throw new MalformedScriptReplyError(
      RECORD_CALLS_COMMAND,
      `expected ${eventCount} cursors, got ${cursors.length}`,
    );
  }
  return cursors.map((cursor) => (cursor === '' ? null : cursor));
}
