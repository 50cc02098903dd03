import { type LuaScript, MalformedScriptReplyError, replyStrings, type ScriptArg } from '../store-kit';

/**
 * Appends events to the bounded stream and publishes each with its cursor, atomically, so that an event is
 * never published without being kept; an event whose digest was seen within the dedupe time is skipped.
 * KEYS: 1 the stream. ARGV: `encodeAppendAccountEventsArgs`. Returns per event its entry id, or '' for one
 * skipped (`decodeAppendAccountEventsReply`).
 */
export const APPEND_ACCOUNT_EVENTS_LUA = `
local ids = {}
for i = 6, #ARGV, 2 do
  if redis.call('SET', ARGV[3] .. ARGV[i], 1, 'NX', 'PX', ARGV[4]) then
    local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i + 1])
    redis.call(ARGV[5], ARGV[2], '{"cursor":"' .. id .. '",' .. string.sub(ARGV[i + 1], 2))
    ids[#ids + 1] = id
  else
    ids[#ids + 1] = ''
  end
end
return ids
`;

export const APPEND_ACCOUNT_EVENTS_COMMAND = 'waAccountEventAppend';

export const APPEND_ACCOUNT_EVENTS_SCRIPT: LuaScript = { lua: APPEND_ACCOUNT_EVENTS_LUA, numberOfKeys: 1 };

export interface AppendAccountEventsArgs {
  maxLength: number;
  channel: string;
  /** Prefix of the keys that remember a digest for `dedupeMs`. */
  dedupePrefix: string;
  dedupeMs: number;
  /** Sharded pub/sub on Redis Cluster. */
  cluster: boolean;
  /** Each event's digest (what makes two deliveries of it the same event) and its JSON. */
  events: ReadonlyArray<{ digest: string; json: string }>;
}

/**
 * ARGV: 1 max length, 2 channel, 3 dedupe key prefix, 4 dedupe ms, 5 `PUBLISH` or `SPUBLISH`, then per
 * event its digest and its JSON.
 */
export function encodeAppendAccountEventsArgs(args: AppendAccountEventsArgs): ScriptArg[] {
  return [
    args.maxLength,
    args.channel,
    args.dedupePrefix,
    args.dedupeMs,
    args.cluster ? 'SPUBLISH' : 'PUBLISH',
    ...args.events.flatMap((event) => [event.digest, event.json]),
  ];
}

/** Per event, in order, its cursor, or null for one already appended within the dedupe time. */
export function decodeAppendAccountEventsReply(reply: unknown, events: number): Array<string | null> {
  const ids = replyStrings(APPEND_ACCOUNT_EVENTS_COMMAND, reply);
  if (ids.length !== events) {
    throw new MalformedScriptReplyError(
      APPEND_ACCOUNT_EVENTS_COMMAND,
      `${ids.length} ids for ${events} events`,
    );
  }
  return ids.map((id) => (id === '' ? null : id));
}
