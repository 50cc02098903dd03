import { type CallPosition } from './call-event';
import { type LuaScript, NEWEST_ON_PAGE_LUA, replyStrings, type ScriptArg } from '../store-kit';

/**
 * A page of a customer's call events, newest first, in one round trip: walks the index of each of the
 * customer's names, keeps what is at or after the position, merges them without duplicates and reads the
 * records (the walk of the inbound store's list script). KEYS: `encodeListCallsKeys`. ARGV:
 * `encodeListCallsArgs`. An id whose event expired since the last write trimmed its index is skipped.
 * Returns the records (`decodeListCallsReply`).
 */
export const LIST_CALLS_LUA = `
${NEWEST_ON_PAGE_LUA}
local limit = tonumber(ARGV[4])
local found = newestOnPage(KEYS, ARGV[2], ARGV[3], limit)
local out = {}
for i = 1, #found do
  if #out == limit then break end
  local raw = redis.call('GET', ARGV[1] .. found[i].id)
  if raw then out[#out + 1] = raw end
end
return out
`;

export const LIST_CALLS_COMMAND = 'waCallList';

/** Keys vary (one index per name of the customer): the caller passes their count first. */
export const LIST_CALLS_SCRIPT: LuaScript = { lua: LIST_CALLS_LUA, readOnly: true };

export interface ListCallsArgs {
  /** The prefix of every key, with its hash tag. */
  keyPrefix: string;
  /** The names of the customer (number, BSUID), each indexed on its own. */
  customers: readonly string[];
  /** The last event of the previous page, or null for the first page. */
  position: CallPosition | null;
  limit: number;
}

/** KEYS: the index of each of the customer's names (`call-by:`, as the record script names them). */
export function encodeListCallsKeys(args: Pick<ListCallsArgs, 'keyPrefix' | 'customers'>): string[] {
  return args.customers.map((name) => `${args.keyPrefix}call-by:${name}`);
}

/**
 * ARGV: 1 record key prefix (`call:`, as the record script names them), 2 max timestamp or '+inf', 3 the
 * position's id or '' (then every event at the max timestamp is on the page), 4 limit.
 */
export function encodeListCallsArgs(args: Omit<ListCallsArgs, 'customers'>): ScriptArg[] {
  return [
    `${args.keyPrefix}call:`,
    args.position === null ? '+inf' : args.position.timestamp,
    args.position?.id ?? '',
    args.limit,
  ];
}

/** The page's stored records (each the event's JSON with its cursor), newest first. */
export function decodeListCallsReply(reply: unknown): string[] {
  return replyStrings(LIST_CALLS_COMMAND, reply);
}
