import { createHash, timingSafeEqual } from 'node:crypto';
import { type ApiKey, Scope } from '../config';
import { type Caller } from '../graphql';

const ALL_SCOPES: ReadonlySet<Scope> = new Set(Object.values(Scope));

export type Authentication = { kind: 'caller'; caller: Caller } | { kind: 'missing' } | { kind: 'unknown' };

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The key's id: 64 bits of a digest under a label of its own, so that it is neither the key nor the
 * digest compared at authentication, and says nothing about the key.
 */
const keyIdOf = (key: string): string =>
  `k${createHash('sha256').update(`caller-key-id\u0000${key}`).digest('hex').slice(0, 16)}`;

/**
 * Finds the caller of a presented key. Keys are compared as SHA-256 digests with `timingSafeEqual`, and
 * every configured key is compared every time, so neither the length nor the position of a key leaks.
 * A key once recognised is remembered by its exact string, so that its later requests skip the hash.
 */
export class ApiKeyAuthenticator {
  private readonly keys: ReadonlyArray<{ digest: Buffer; caller: Caller }> | null;
  /**
   * Presented strings already found equal to a configured key, and their answer. Only recognised keys
   * enter, so it holds at most one entry per configured key, and an unknown key always takes the
   * constant-time path.
   */
  private readonly recognised = new Map<string, Authentication>();

  constructor(keys: readonly ApiKey[] | null) {
    this.keys =
      keys?.map((key, index) => ({
        digest: digest(key.key),
        caller: { label: `key#${index + 1}`, keyId: keyIdOf(key.key), scopes: key.scopes },
      })) ?? null;
  }

  /** True when no keys are configured: every caller has every scope (simulated mode only). */
  get open(): boolean {
    return this.keys === null;
  }

  authenticate(presented: string | null | undefined): Authentication {
    if (this.keys === null)
      return { kind: 'caller', caller: { label: 'open', keyId: 'open', scopes: ALL_SCOPES } };
    if (!presented) return { kind: 'missing' };
    const known = this.recognised.get(presented);
    if (known !== undefined) return known;
    const presentedDigest = digest(presented);
    let found: Caller | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, presentedDigest)) found = key.caller;
    }
    if (found === null) return { kind: 'unknown' };
    const answer: Authentication = { kind: 'caller', caller: found };
    this.recognised.set(presented, answer);
    return answer;
  }

  /** The key of an `Authorization: Bearer <key>` header, or null. */
  static bearer(header: string | undefined): string | null {
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return match ? (match[1] as string) : null;
  }
}
