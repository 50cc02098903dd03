import {
  CLAIM_IDEMPOTENCY_LUA,
  CLAIM_IDEMPOTENCY_SCRIPT,
  COMPLETE_IDEMPOTENCY_LUA,
  COMPLETE_IDEMPOTENCY_SCRIPT,
  decodeClaimIdempotencyReply,
  decodeCompleteIdempotencyReply,
  decodeReleaseIdempotencyReply,
  encodeClaimIdempotencyArgs,
  encodeCompleteIdempotencyArgs,
  encodeReleaseIdempotencyArgs,
  RELEASE_IDEMPOTENCY_LUA,
  RELEASE_IDEMPOTENCY_SCRIPT,
} from '../../../src/sending/redis/idempotency-scripts';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The idempotency store's script contracts, without Redis. */
describe('idempotency claim script contract', () => {
  it('is defined with one key (the idempotency key)', () => {
    expect(CLAIM_IDEMPOTENCY_SCRIPT).toEqual({ lua: CLAIM_IDEMPOTENCY_LUA, numberOfKeys: 1 });
  });

  it('ARGV: input hash, owner, pending lease', () => {
    expect(encodeClaimIdempotencyArgs({ inputHash: 'h', owner: 'o', pendingLeaseMs: 30_000 })).toEqual([
      'h',
      'o',
      30_000,
    ]);
  });

  it('decodes a claim as null, and what a taken key holds as its entry', () => {
    expect(decodeClaimIdempotencyReply(null)).toBeNull();
    expect(decodeClaimIdempotencyReply(['pending', 'h', null])).toEqual({ state: 'pending', inputHash: 'h' });
    expect(decodeClaimIdempotencyReply(['completed', 'h', '{"kind":"unknown"}'])).toEqual({
      state: 'completed',
      inputHash: 'h',
      outcome: '{"kind":"unknown"}',
    });
  });

  it.each([
    ['not an array', 1, 'expected an array'],
    ['two fields', ['pending', 'h'], 'expected null or {state, hash or null, outcome or null}'],
    ['a number', ['pending', 5, null], 'expected null or {state, hash or null, outcome or null}'],
    ['no state', [null, 'h', null], 'expected null or {state, hash or null, outcome or null}'],
    ['an unknown state', ['done', 'h', 'x'], 'the key holds an unknown state (done)'],
    ['completed without its outcome', ['completed', 'h', null], 'unknown state (completed)'],
    ['pending without its hash', ['pending', null, null], 'unknown state (pending)'],
  ])('rejects a malformed reply: %s', (_name, reply, message) => {
    expect(() => decodeClaimIdempotencyReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeClaimIdempotencyReply(reply)).toThrow(message);
  });
});

describe('idempotency complete script contract', () => {
  it('is defined with one key (the idempotency key)', () => {
    expect(COMPLETE_IDEMPOTENCY_SCRIPT).toEqual({ lua: COMPLETE_IDEMPOTENCY_LUA, numberOfKeys: 1 });
  });

  it('ARGV: owner, outcome, TTL', () => {
    expect(encodeCompleteIdempotencyArgs({ owner: 'o', outcome: '{}', ttlMs: 86_400_000 })).toEqual([
      'o',
      '{}',
      86_400_000,
    ]);
  });

  it('decodes 1 as done, 0 as not the owner', () => {
    expect(decodeCompleteIdempotencyReply(1)).toBe(true);
    expect(decodeCompleteIdempotencyReply(0)).toBe(false);
  });

  it.each([[2], ['1'], [null]])('rejects a malformed reply: %p', (reply) => {
    expect(() => decodeCompleteIdempotencyReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeCompleteIdempotencyReply(reply)).toThrow(
      'The waIdempotencyComplete script gave an unexpected reply: expected 0 or 1',
    );
  });
});

describe('idempotency release script contract', () => {
  it('is defined with one key (the idempotency key)', () => {
    expect(RELEASE_IDEMPOTENCY_SCRIPT).toEqual({ lua: RELEASE_IDEMPOTENCY_LUA, numberOfKeys: 1 });
  });

  it('ARGV: owner', () => {
    expect(encodeReleaseIdempotencyArgs({ owner: 'o' })).toEqual(['o']);
  });

  it('decodes 1 as released, 0 as not the owner', () => {
    expect(decodeReleaseIdempotencyReply(1)).toBe(true);
    expect(decodeReleaseIdempotencyReply(0)).toBe(false);
  });

  it.each([[-1], ['OK'], [[1]]])('rejects a malformed reply: %p', (reply) => {
    expect(() => decodeReleaseIdempotencyReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeReleaseIdempotencyReply(reply)).toThrow('The waIdempotencyRelease script');
  });
});
