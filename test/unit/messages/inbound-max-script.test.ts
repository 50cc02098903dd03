import {
  decodeInboundMaxReply,
  encodeInboundMaxArgs,
  INBOUND_MAX_LUA,
  INBOUND_MAX_SCRIPT,
} from '../../../src/messages/redis/inbound-max-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The inbound-time script's wire contract, without Redis. */
describe('inbound max script contract', () => {
  it('is defined with one key (the inbound-time key)', () => {
    expect(INBOUND_MAX_SCRIPT).toEqual({ lua: INBOUND_MAX_LUA, numberOfKeys: 1 });
  });

  it('ARGV: the inbound time, then retention in ms', () => {
    expect(encodeInboundMaxArgs({ inboundAt: 1750263773000, retentionMs: 86_400_000 })).toEqual([
      1750263773000, 86_400_000,
    ]);
  });

  it('decodes whether the time was raised', () => {
    expect(decodeInboundMaxReply(1)).toEqual({ raised: true });
    expect(decodeInboundMaxReply(0)).toEqual({ raised: false });
  });

  it.each([['1'], [2], [null], [[1]]])('rejects a malformed reply: %p', (reply) => {
    expect(() => decodeInboundMaxReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeInboundMaxReply(reply)).toThrow(
      'The waMessageInbound script gave an unexpected reply',
    );
  });
});
