import { createHash, timingSafeEqual } from 'node:crypto';
import { type ApiKey, Scope } from '../config';
import { type Caller } from '../graphql';

const ALL_SCOPES: ReadonlySet<Scope> = new Set(Object.values(Scope));

export type Authentication = { kind: 'caller'; caller: Caller } | { kind: 'missing' } | { kind: 'unknown' };

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Finds the caller of a presented key. Keys are compared as SHA-256 digests with `timingSafeEqual`, and
 * every configured key is compared every time, so neither the length nor the position of a key leaks.
 */
export class ApiKeyAuthenticator {
  private readonly keys: ReadonlyArray<{ digest: Buffer; caller: Caller }> | null;

  constructor(keys: readonly ApiKey[] | null) {
    this.keys =
      keys?.map((key, index) => ({
        digest: digest(key.key),
        caller: { label: `key#${index + 1}`, scopes: key.scopes },
      })) ?? null;
  }

  /** True when no keys are configured: every caller has every scope (simulated mode only). */
  get open(): boolean {
    return this.keys === null;
  }

  authenticate(presented: string | null | undefined): Authentication {
    if (this.keys === null) return { kind: 'caller', caller: { label: 'open', scopes: ALL_SCOPES } };
    if (!presented) return { kind: 'missing' };
    const presentedDigest = digest(presented);
    let found: Caller | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, presentedDigest)) found = key.caller;
    }
    return found ? { kind: 'caller', caller: found } : { kind: 'unknown' };
  }

  /** The key of an `Authorization: Bearer <key>` header, or null. */
  static bearer(header: string | undefined): string | null {
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return match ? (match[1] as string) : null;
  }
}
