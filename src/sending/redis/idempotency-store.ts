import { createHash, randomUUID } from 'node:crypto';
import {
  checkIdempotencyStoreOptions,
  type IdempotencyClaim,
  type IdempotencyEntry,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
} from '../idempotency-store';
import { type RedisConnection } from '../../store-kit';

/**
 * A key is one hash, `<prefix>idem:<scope>:<sha256 of the caller's key>`: `state` (`pending` or
 * `completed`), `hash` (of the input), `owner` while pending, `outcome` once completed. Each script
 * touches one key, so the name carries no hash tag (and no `{`): on Redis Cluster keys spread over every
 * slot instead of crowding a message partition's (`{m…}`, keys.ts), and they never collide with those.
 */
const CLAIM_LUA = `
local found = redis.call('HMGET', KEYS[1], 'state', 'hash', 'outcome')
if found[1] then return found end
redis.call('HSET', KEYS[1], 'state', 'pending', 'hash', ARGV[1], 'owner', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return false
`;

const COMPLETE_LUA = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'completed', 'outcome', ARGV[2])
redis.call('HDEL', KEYS[1], 'owner')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

const RELEASE_LUA = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

type Found = [string | null, string | null, string | null];

interface IdempotencyScripts {
  waIdempotencyClaim(key: string, hash: string, owner: string, leaseMs: number): Promise<Found | null>;
  waIdempotencyComplete(key: string, owner: string, outcome: string, ttlMs: number): Promise<number>;
  waIdempotencyRelease(key: string, owner: string): Promise<number>;
}

export interface RedisIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** Prepended to every key, e.g. `wa:` (the message store's prefix). */
  keyPrefix: string;
}

/**
 * Idempotency keys in Redis, shared by every gateway on it. The connection is injected (the store's
 * command connection does) and never closed here.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: RedisConnection & IdempotencyScripts;
  private readonly options: IdempotencyStoreOptions;
  private readonly keyPrefix: string;

  constructor(connection: RedisConnection, options: RedisIdempotencyStoreOptions) {
    this.options = checkIdempotencyStoreOptions(options);
    this.keyPrefix = `${options.keyPrefix}idem:`;
    connection.defineCommand('waIdempotencyClaim', { numberOfKeys: 1, lua: CLAIM_LUA });
    connection.defineCommand('waIdempotencyComplete', { numberOfKeys: 1, lua: COMPLETE_LUA });
    connection.defineCommand('waIdempotencyRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
    this.redis = connection as RedisConnection & IdempotencyScripts;
  }

  /** The Redis key of an idempotency key: the caller's key is hashed, so any length or character fits. */
  keyName(scope: string, key: string): string {
    return `${this.keyPrefix}${scope}:${createHash('sha256').update(key).digest('base64url')}`;
  }

  async claim(scope: string, key: string, inputHash: string): Promise<IdempotencyClaim> {
    const owner = randomUUID();
    const found = await this.redis.waIdempotencyClaim(
      this.keyName(scope, key),
      inputHash,
      owner,
      this.options.pendingLeaseMs,
    );
    if (found === null) return { claimed: true, owner };
    return { claimed: false, entry: toEntry(found) };
  }

  async complete(scope: string, key: string, owner: string, outcome: string): Promise<boolean> {
    const done = await this.redis.waIdempotencyComplete(
      this.keyName(scope, key),
      owner,
      outcome,
      this.options.ttlMs,
    );
    return done === 1;
  }

  async release(scope: string, key: string, owner: string): Promise<boolean> {
    return (await this.redis.waIdempotencyRelease(this.keyName(scope, key), owner)) === 1;
  }

  async get(scope: string, key: string): Promise<IdempotencyEntry | null> {
    const found = (await this.redis.hmget(this.keyName(scope, key), 'state', 'hash', 'outcome')) as Found;
    return found[0] === null ? null : toEntry(found);
  }
}

function toEntry([state, inputHash, outcome]: Found): IdempotencyEntry {
  if (state === 'completed' && inputHash !== null && outcome !== null) {
    return { state: 'completed', inputHash, outcome };
  }
  if (state === 'pending' && inputHash !== null) return { state: 'pending', inputHash };
  throw new Error(`an idempotency key holds an unknown state (${String(state)})`);
}
