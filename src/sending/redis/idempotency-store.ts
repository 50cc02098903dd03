import { createHash, randomUUID } from 'node:crypto';
import {
  checkIdempotencyStoreOptions,
  type IdempotencyClaim,
  type IdempotencyEntry,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
} from '../idempotency-store';
import {
  CLAIM_IDEMPOTENCY_COMMAND,
  CLAIM_IDEMPOTENCY_SCRIPT,
  COMPLETE_IDEMPOTENCY_COMMAND,
  COMPLETE_IDEMPOTENCY_SCRIPT,
  decodeClaimIdempotencyReply,
  decodeCompleteIdempotencyReply,
  decodeReleaseIdempotencyReply,
  encodeClaimIdempotencyArgs,
  encodeCompleteIdempotencyArgs,
  encodeReleaseIdempotencyArgs,
  idempotencyEntryOf,
  RELEASE_IDEMPOTENCY_COMMAND,
  RELEASE_IDEMPOTENCY_SCRIPT,
} from './idempotency-scripts';
import { defineScripts, type RedisConnection, type ScriptCommands } from '../../store-kit';

const IDEMPOTENCY_SCRIPTS = {
  [CLAIM_IDEMPOTENCY_COMMAND]: CLAIM_IDEMPOTENCY_SCRIPT,
  [COMPLETE_IDEMPOTENCY_COMMAND]: COMPLETE_IDEMPOTENCY_SCRIPT,
  [RELEASE_IDEMPOTENCY_COMMAND]: RELEASE_IDEMPOTENCY_SCRIPT,
};

export interface RedisIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** Prepended to every key, e.g. `wa:` (the message store's prefix). */
  keyPrefix: string;
}

/**
 * Idempotency keys in Redis, shared by every gateway on it. A key is one hash (its fields:
 * idempotency-scripts.ts). Each script touches one key, so the name carries no hash tag (and no `{`): on
 * Redis Cluster keys spread over every slot instead of crowding a message partition's (`{m…}`, keys.ts),
 * and they never collide with those. The connection is injected (the store's command connection does) and
 * never closed here.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: RedisConnection & ScriptCommands<keyof typeof IDEMPOTENCY_SCRIPTS>;
  private readonly options: IdempotencyStoreOptions;
  private readonly keyPrefix: string;

  constructor(connection: RedisConnection, options: RedisIdempotencyStoreOptions) {
    this.options = checkIdempotencyStoreOptions(options);
    this.keyPrefix = `${options.keyPrefix}idem:`;
    this.redis = defineScripts(connection, IDEMPOTENCY_SCRIPTS);
  }

  /** The Redis key of an idempotency key: the caller's key is hashed, so any length or character fits. */
  keyName(scope: string, key: string): string {
    return `${this.keyPrefix}${scope}:${createHash('sha256').update(key).digest('base64url')}`;
  }

  async claim(scope: string, key: string, inputHash: string): Promise<IdempotencyClaim> {
    const owner = randomUUID();
    const reply = await this.redis[CLAIM_IDEMPOTENCY_COMMAND](
      this.keyName(scope, key),
      ...encodeClaimIdempotencyArgs({ inputHash, owner, pendingLeaseMs: this.options.pendingLeaseMs }),
    );
    const entry = decodeClaimIdempotencyReply(reply);
    return entry === null ? { claimed: true, owner } : { claimed: false, entry };
  }

  async complete(scope: string, key: string, owner: string, outcome: string): Promise<boolean> {
    const reply = await this.redis[COMPLETE_IDEMPOTENCY_COMMAND](
      this.keyName(scope, key),
      ...encodeCompleteIdempotencyArgs({ owner, outcome, ttlMs: this.options.ttlMs }),
    );
    return decodeCompleteIdempotencyReply(reply);
  }

  async release(scope: string, key: string, owner: string): Promise<boolean> {
    const reply = await this.redis[RELEASE_IDEMPOTENCY_COMMAND](
      this.keyName(scope, key),
      ...encodeReleaseIdempotencyArgs({ owner }),
    );
    return decodeReleaseIdempotencyReply(reply);
  }

  async get(scope: string, key: string): Promise<IdempotencyEntry | null> {
    const [state = null, inputHash = null, outcome = null] = await this.redis.hmget(
      this.keyName(scope, key),
      'state',
      'hash',
      'outcome',
    );
    if (state === null) return null;
    const entry = idempotencyEntryOf([state, inputHash, outcome]);
    if (entry === null) throw new Error(`an idempotency key holds an unknown state (${state})`);
    return entry;
  }
}
