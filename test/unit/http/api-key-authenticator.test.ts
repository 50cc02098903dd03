import { Scope } from '../../../src/config';
import { ApiKeyAuthenticator } from '../../../src/http';

const KEY_A = 'key-a-0123456789abcdef';
const KEY_B = 'key-b-0123456789abcdef';

describe('ApiKeyAuthenticator', () => {
  const authenticator = new ApiKeyAuthenticator([
    { key: KEY_A, scopes: new Set([Scope.SEND]) },
    { key: KEY_B, scopes: new Set([Scope.READ]) },
  ]);

  it('finds the caller of each key, the first time and every time after', () => {
    for (let round = 0; round < 3; round += 1) {
      const a = authenticator.authenticate(KEY_A);
      const b = authenticator.authenticate(KEY_B);
      expect(a).toEqual({
        kind: 'caller',
        caller: { label: 'key#1', keyId: expect.any(String), scopes: new Set([Scope.SEND]) },
      });
      expect(b).toEqual({
        kind: 'caller',
        caller: { label: 'key#2', keyId: expect.any(String), scopes: new Set([Scope.READ]) },
      });
    }
  });

  it('gives each key a stable id that holds nothing of the key, whatever its place in the list', () => {
    const idOf = (auth: ApiKeyAuthenticator, key: string): string => {
      const found = auth.authenticate(key);
      if (found.kind !== 'caller') throw new Error('expected a caller');
      return found.caller.keyId;
    };
    const reordered = new ApiKeyAuthenticator([
      { key: KEY_B, scopes: new Set([Scope.READ]) },
      { key: KEY_A, scopes: new Set([Scope.SEND]) },
    ]);
    const idA = idOf(authenticator, KEY_A);
    expect(idA).toMatch(/^k[0-9a-f]{16}$/);
    expect(idOf(reordered, KEY_A)).toBe(idA);
    expect(idOf(authenticator, KEY_B)).not.toBe(idA);
    expect(idA).not.toContain(KEY_A.slice(0, 6));
  });

  it('refuses unknown keys, also after a close key was recognised', () => {
    authenticator.authenticate(KEY_A);
    for (const key of [`${KEY_A}x`, KEY_A.slice(0, -1), KEY_A.toUpperCase(), 'other']) {
      expect(authenticator.authenticate(key)).toEqual({ kind: 'unknown' });
      expect(authenticator.authenticate(key)).toEqual({ kind: 'unknown' });
    }
  });

  it('reports a missing key, and lets everyone in when no keys are configured', () => {
    expect(authenticator.authenticate(undefined)).toEqual({ kind: 'missing' });
    expect(authenticator.authenticate('')).toEqual({ kind: 'missing' });
    const open = new ApiKeyAuthenticator(null);
    expect(open.open).toBe(true);
    expect(open.authenticate(null)).toMatchObject({ kind: 'caller', caller: { label: 'open' } });
  });
});
