import {
  decodeTakeTokenReply,
  encodeTakeTokenArgs,
  TAKE_TOKEN_LUA,
  TAKE_TOKEN_SCRIPT,
} from '../../../src/sending/redis/send-rate-take-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The send rate limiter's script contract, without Redis. */
describe('send rate take script contract', () => {
  it('is defined with one key (the bucket)', () => {
    expect(TAKE_TOKEN_SCRIPT).toEqual({ lua: TAKE_TOKEN_LUA, numberOfKeys: 1 });
  });

  it('ARGV: tokens a second, burst, most tokens to take', () => {
    expect(encodeTakeTokenArgs({ ratePerSecond: 80, burst: 80, count: 25 })).toEqual([80, 80, 25]);
  });

  it('the Lua reads them in that order', () => {
    expect(TAKE_TOKEN_LUA).toContain('local rate = tonumber(ARGV[1])');
    expect(TAKE_TOKEN_LUA).toContain('local burst = tonumber(ARGV[2])');
    expect(TAKE_TOKEN_LUA).toContain('local want = tonumber(ARGV[3]) or 1');
  });

  it('decodes the tokens taken and the wait', () => {
    expect(decodeTakeTokenReply([3, 0])).toEqual({ taken: 3, retryAfterMs: 0 });
    expect(decodeTakeTokenReply([0, 13])).toEqual({ taken: 0, retryAfterMs: 13 });
  });

  it.each([
    ['not an array', 'OK', 'got a string'],
    ['one number', [1], 'got {a number}'],
    ['a string', ['1', 0], 'got {a string, a number}'],
    ['a negative wait', [0, -1], 'two whole numbers'],
    ['a fraction', [0.5, 0], 'two whole numbers'],
  ])('rejects a malformed reply: %s', (_name, reply, message) => {
    expect(() => decodeTakeTokenReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeTakeTokenReply(reply)).toThrow(message);
  });
});
