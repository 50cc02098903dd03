import { type LuaScript, MalformedScriptReplyError, replyStrings, type ScriptArg } from '../store-kit';

/**
 * A contact by any of its names, in one round trip. KEYS: 1 the `idx` key. ARGV: `encodeFindContactArgs`.
 * Returns the contact's hash as HGETALL gives it, or `{}` for none.
 */
export const FIND_CONTACT_LUA = `
local id = redis.call('GET', ARGV[1] .. 'alias:' .. ARGV[2])
if not id then return {} end
return redis.call('HGETALL', ARGV[1] .. 'contact:' .. id)
`;

export const FIND_CONTACT_COMMAND = 'waContactFind';

export const FIND_CONTACT_SCRIPT: LuaScript = { lua: FIND_CONTACT_LUA, numberOfKeys: 1, readOnly: true };

/** ARGV: 1 key prefix, 2 the name (normalised). */
export function encodeFindContactArgs(args: { keyPrefix: string; name: string }): ScriptArg[] {
  return [args.keyPrefix, args.name];
}

/** The contact's hash, field and value alternating, or null when no contact has the name. */
export function decodeFindContactReply(reply: unknown): string[] | null {
  const fields = replyStrings(FIND_CONTACT_COMMAND, reply);
  if (fields.length % 2 !== 0) {
    throw new MalformedScriptReplyError(
      FIND_CONTACT_COMMAND,
      `expected field and value pairs, got ${fields.length}`,
    );
  }
  return fields.length === 0 ? null : fields;
}
