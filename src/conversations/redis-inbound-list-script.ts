import { type InboundPosition } from './inbound-store';
import { type LuaScript, NEWEST_ON_PAGE_LUA, replyStringGroups, type ScriptArg } from '../store-kit';

/**
 * A page of a customer's inbound messages, newest first, in one round trip: walks the index of each of the
 * customer's names, keeps what is at or after the position, merges them without duplicates and reads the
 * records. KEYS: `encodeListInboundKeys`. ARGV: `encodeListInboundArgs`. An id whose message expired
 * since the last write trimmed its index is skipped. Returns per message its JSON and the JSON of its
 * latest edit and of its revocation ('' for none): `decodeListInboundReply`.
 */
export const LIST_INBOUND_LUA = `
${NEWEST_ON_PAGE_LUA}
local limit = tonumber(ARGV[4])
local found = newestOnPage(KEYS, ARGV[2], ARGV[3], limit)
local out, listed = {}, 0
for i = 1, #found do
  if listed == limit then break end
  local raw = redis.call('GET', ARGV[1] .. 'in:' .. found[i].id)
  if raw then
    listed = listed + 1
    out[#out + 1] = raw
    out[#out + 1] = redis.call('GET', ARGV[1] .. 'in-edit:' .. found[i].id) or ''
    out[#out + 1] = redis.call('GET', ARGV[1] .. 'in-revoke:' .. found[i].id) or ''
  end
end
return out
`;

export const LIST_INBOUND_COMMAND = 'waInboundList';

/** Keys vary (one index per name of the customer): the caller passes their count first. */
export const LIST_INBOUND_SCRIPT: LuaScript = { lua: LIST_INBOUND_LUA, readOnly: true };

export interface ListInboundArgs {
  /** The prefix of every key, with its hash tag. */
  keyPrefix: string;
  /** The names of the customer (number, BSUID), each indexed on its own. */
  customers: readonly string[];
  /** The last message of the previous page, or null for the first page. */
  position: InboundPosition | null;
  limit: number;
}

/** KEYS: the index of each of the customer's names (`in-by:`, as the record script names them). */
export function encodeListInboundKeys(args: Pick<ListInboundArgs, 'keyPrefix' | 'customers'>): string[] {
  return args.customers.map((name) => `${args.keyPrefix}in-by:${name}`);
}

/** ARGV: 1 key prefix, 2 max timestamp or '+inf', 3 the position's wamid or '', 4 limit. */
export function encodeListInboundArgs(args: Omit<ListInboundArgs, 'customers'>): ScriptArg[] {
  return [
    args.keyPrefix,
    args.position === null ? '+inf' : args.position.timestamp,
    args.position?.id ?? '',
    args.limit,
  ];
}

/** A listed message: its JSON and those of its latest edit and of its revocation ('' for none). */
export interface ListedInbound {
  message: string;
  edit: string;
  revoke: string;
}

/** The page's messages, newest first. */
export function decodeListInboundReply(reply: unknown): ListedInbound[] {
  const entries = replyStringGroups(LIST_INBOUND_COMMAND, reply, 3);
  const listed: ListedInbound[] = [];
  for (let i = 0; i < entries.length; i += 3) {
    listed.push({
      message: entries[i],
      edit: entries[i + 1],
      revoke: entries[i + 2],
    });
  }
  return listed;
}
