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
      expect(a).toEqual({ kind: 'caller', caller: { label: 'key#1', scopes: new Set([Scope.SEND]) } });
      expect(b).toEqual({ kind: 'caller', caller: { label: 'key#2', scopes: new Set([Scope.READ]) } });
    }
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
