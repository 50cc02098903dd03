import { type IdempotencyEntry } from '../idempotency-store';
import {
  describeReply,
  type LuaScript,
  MalformedScriptReplyError,
  replyArray,
  type ScriptArg,
} from '../../store-kit';

// The idempotency store's three scripts. They share their one key, an idempotency key's hash
// (`<prefix>idem:<scope>:<sha256 of the caller's key>`, see `RedisIdempotencyStore.keyName`): `state`
// (`pending` or `completed`), `hash` (of the input), `owner` while pending, `outcome` once completed.
// KEYS: 1 that hash, for each of them.

/**
 * Claims the key for an input unless it exists: then returns what it holds and changes nothing.
 * KEYS: 1 the key. ARGV: `encodeClaimIdempotencyArgs`. Returns false (nil) when claimed, or
 * `{state, hash, outcome}` as HMGET gives them (`decodeClaimIdempotencyReply`).
 */
export const CLAIM_IDEMPOTENCY_LUA = `
local found = redis.call('HMGET', KEYS[1], 'state', 'hash', 'outcome')
if found[1] then return found end
redis.call('HSET', KEYS[1], 'state', 'pending', 'hash', ARGV[1], 'owner', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return false
`;

export const CLAIM_IDEMPOTENCY_COMMAND = 'waIdempotencyClaim';

export const CLAIM_IDEMPOTENCY_SCRIPT: LuaScript = { lua: CLAIM_IDEMPOTENCY_LUA, numberOfKeys: 1 };

export interface ClaimIdempotencyArgs {
  inputHash: string;
  /** The claimant's proof of ownership. */
  owner: string;
  /** How long the claim stays pending without an outcome, in ms. */
  pendingLeaseMs: number;
}

/** ARGV: 1 input hash, 2 owner, 3 pending lease in ms. */
export function encodeClaimIdempotencyArgs(args: ClaimIdempotencyArgs): ScriptArg[] {
  return [args.inputHash, args.owner, args.pendingLeaseMs];
}

/** Null when the key was claimed, or the entry the key already holds. */
export function decodeClaimIdempotencyReply(reply: unknown): IdempotencyEntry | null {
  if (reply === null) return null;
  const found = replyArray(CLAIM_IDEMPOTENCY_COMMAND, reply);
  const [state, inputHash, outcome] = found;
  if (
    found.length !== 3 ||
    !found.every((field) => field === null || typeof field === 'string') ||
    typeof state !== 'string'
  ) {
    throw new MalformedScriptReplyError(
      CLAIM_IDEMPOTENCY_COMMAND,
      `expected null or {state, hash or null, outcome or null}, got {${found.map(describeReply).join(', ')}}`,
    );
  }
  const entry = idempotencyEntryOf([state, inputHash as string | null, outcome as string | null]);
  if (entry === null) {
    throw new MalformedScriptReplyError(
      CLAIM_IDEMPOTENCY_COMMAND,
      `the key holds an unknown state (${state})`,
    );
  }
  return entry;
}

/**
 * The entry of an idempotency key's `state`, `hash` and `outcome` fields, or null when they make none
 * (an unknown state, or a field its state needs is missing).
 */
export function idempotencyEntryOf([state, inputHash, outcome]: readonly [
  string | null,
  string | null,
  string | null,
]): IdempotencyEntry | null {
  if (state === 'completed' && inputHash !== null && outcome !== null) {
    return { state: 'completed', inputHash, outcome };
  }
  if (state === 'pending' && inputHash !== null) return { state: 'pending', inputHash };
  return null;
}

/**
 * Completes the owner's claim with its outcome, kept for the TTL; nothing when `owner` no longer holds
 * the key. KEYS: 1 the key. ARGV: `encodeCompleteIdempotencyArgs`. Returns 1, or 0 when not the owner
 * (`decodeCompleteIdempotencyReply`).
 */
export const COMPLETE_IDEMPOTENCY_LUA = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'completed', 'outcome', ARGV[2])
redis.call('HDEL', KEYS[1], 'owner')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

export const COMPLETE_IDEMPOTENCY_COMMAND = 'waIdempotencyComplete';

export const COMPLETE_IDEMPOTENCY_SCRIPT: LuaScript = { lua: COMPLETE_IDEMPOTENCY_LUA, numberOfKeys: 1 };

export interface CompleteIdempotencyArgs {
  owner: string;
  /** What the sender stores: opaque here. */
  outcome: string;
  /** How long the completed key keeps its outcome, in ms. */
  ttlMs: number;
}

/** ARGV: 1 owner, 2 outcome, 3 TTL in ms. */
export function encodeCompleteIdempotencyArgs(args: CompleteIdempotencyArgs): ScriptArg[] {
  return [args.owner, args.outcome, args.ttlMs];
}

/** Whether the owner still held the key (and completed it). */
export function decodeCompleteIdempotencyReply(reply: unknown): boolean {
  return replyFlag(COMPLETE_IDEMPOTENCY_COMMAND, reply);
}

/**
 * Forgets the owner's claim; nothing when `owner` no longer holds the key. KEYS: 1 the key.
 * ARGV: `encodeReleaseIdempotencyArgs`. Returns 1, or 0 when not the owner
 * (`decodeReleaseIdempotencyReply`).
 */
export const RELEASE_IDEMPOTENCY_LUA = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

export const RELEASE_IDEMPOTENCY_COMMAND = 'waIdempotencyRelease';

export const RELEASE_IDEMPOTENCY_SCRIPT: LuaScript = { lua: RELEASE_IDEMPOTENCY_LUA, numberOfKeys: 1 };

/** ARGV: 1 owner. */
export function encodeReleaseIdempotencyArgs(args: { owner: string }): ScriptArg[] {
  return [args.owner];
}

/** Whether the owner still held the key (and released it). */
export function decodeReleaseIdempotencyReply(reply: unknown): boolean {
  return replyFlag(RELEASE_IDEMPOTENCY_COMMAND, reply);
}

function replyFlag(script: string, reply: unknown): boolean {
  if (reply !== 0 && reply !== 1) {
    throw new MalformedScriptReplyError(script, `expected 0 or 1, got ${describeReply(reply)}`);
  }
  return reply === 1;
}
