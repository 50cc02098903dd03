import { MessageStatus } from '../message-status';
import { statusRank } from '../status-rules';

/**
 * The ranks of `statusRank` as a Lua table literal (`{["SENT"]=1, ...}`) for the apply script: Lua cannot
 * import the TypeScript rules, so the script is built from them and the two cannot drift. Unranked
 * statuses (FAILED, DELETED, WARNING) are left out, so the script reads them as `nil` as the rules read `null`.
 */
export function luaStatusRanks(): string {
  const entries = Object.values(MessageStatus).flatMap((status) => {
    const rank = statusRank(status);
    return rank === null ? [] : [`["${status}"]=${rank}`];
  });
  return `{${entries.join(', ')}}`;
}
