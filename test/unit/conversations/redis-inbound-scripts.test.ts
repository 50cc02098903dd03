import { InboundMessageType, type InboundMessageRecord } from '../../../src/conversations/inbound-message';
import {
  decodeRecordInboundReply,
  encodeRecordInboundArgs,
  RECORD_INBOUND_LUA,
  RECORD_INBOUND_SCRIPT,
} from '../../../src/conversations/redis-inbound-record-script';
import {
  decodeListInboundReply,
  encodeListInboundArgs,
  encodeListInboundKeys,
  LIST_INBOUND_LUA,
  LIST_INBOUND_SCRIPT,
} from '../../../src/conversations/redis-inbound-list-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The inbound store's script contracts, without Redis. */
const text: InboundMessageRecord = {
  id: 'wamid.IN1',
  phoneNumberId: '106540352242922',
  from: { waId: '16505551234', userId: 'US.1349' },
  type: InboundMessageType.TEXT,
  rawType: 'text',
  timestamp: 1750263772000,
  receivedAt: 1750263773000,
  text: 'hello',
  errors: [],
  raw: {},
};
const edit: InboundMessageRecord = {
  ...text,
  id: 'wamid.IN2',
  type: InboundMessageType.EDIT,
  rawType: 'edit',
  changes: 'wamid.IN1',
};

describe('inbound record script contract', () => {
  it('is defined with one key (the stream)', () => {
    expect(RECORD_INBOUND_SCRIPT).toEqual({ lua: RECORD_INBOUND_LUA, numberOfKeys: 1 });
  });

  it("ARGV: the run's five, then per message its JSON, names, change kind and changed wamid", () => {
    expect(
      encodeRecordInboundArgs({
        keyPrefix: 'p:{i}:',
        streamMaxLength: 100,
        channel: 'p:{i}:inbound-published',
        publishCommand: 'PUBLISH',
        retentionMs: 86_400_000,
        messages: [
          { message: text, customerNames: ['+16505551234', 'US.1349'], change: null },
          { message: edit, customerNames: ['+16505551234'], change: { kind: 'edit', target: 'wamid.IN1' } },
        ],
      }),
    ).toEqual([
      'p:{i}:',
      100,
      'p:{i}:inbound-published',
      'PUBLISH',
      86_400_000,
      JSON.stringify(text),
      '+16505551234 US.1349',
      '',
      '',
      JSON.stringify(edit),
      '+16505551234',
      'edit',
      'wamid.IN1',
    ]);
  });

  it('the Lua reads messages from ARGV 6, four each', () => {
    expect(RECORD_INBOUND_LUA).toContain('for i = 6, #ARGV, 4 do');
  });

  it('decodes the stored messages: cursor, JSON, edit and revocation', () => {
    expect(
      decodeRecordInboundReply(['1-0', '{"id":"a"}', '', '', '1-1', '{"id":"b"}', '{"e":1}', '{"r":1}']),
    ).toEqual([
      { cursor: '1-0', message: '{"id":"a"}', edit: '', revoke: '' },
      { cursor: '1-1', message: '{"id":"b"}', edit: '{"e":1}', revoke: '{"r":1}' },
    ]);
    expect(decodeRecordInboundReply([])).toEqual([]);
  });

  it.each([
    ['not an array', 'OK', 'expected an array'],
    ['a partial group', ['1-0', '{}', ''], 'expected groups of 4 strings, got 3 strings'],
    ['a number', ['1-0', '{}', '', 0], 'expected strings, got a number at 4'],
    ['an empty cursor', ['', '{}', '', ''], 'an empty cursor at 1'],
  ])('rejects a malformed reply: %s', (_name, reply, message) => {
    expect(() => decodeRecordInboundReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeRecordInboundReply(reply)).toThrow(message);
  });
});

describe('inbound list script contract', () => {
  it('is defined read-only, with its keys counted per call', () => {
    expect(LIST_INBOUND_SCRIPT).toEqual({ lua: LIST_INBOUND_LUA, readOnly: true });
  });

  it("KEYS: the index of each of the customer's names", () => {
    expect(encodeListInboundKeys({ keyPrefix: 'p:{i}:', customers: ['+16505551234', 'US.1349'] })).toEqual([
      'p:{i}:in-by:+16505551234',
      'p:{i}:in-by:US.1349',
    ]);
  });

  it('ARGV: key prefix, max timestamp, position id, limit', () => {
    expect(
      encodeListInboundArgs({
        keyPrefix: 'p:{i}:',
        position: { timestamp: 1750263772000, id: 'wamid.IN1' },
        limit: 20,
      }),
    ).toEqual(['p:{i}:', 1750263772000, 'wamid.IN1', 20]);
    expect(encodeListInboundArgs({ keyPrefix: 'p:{i}:', position: { timestamp: 5 }, limit: 1 })).toEqual([
      'p:{i}:',
      5,
      '',
      1,
    ]);
    expect(encodeListInboundArgs({ keyPrefix: 'p:{i}:', position: null, limit: 1 })).toEqual([
      'p:{i}:',
      '+inf',
      '',
      1,
    ]);
  });

  it('decodes each message with its edit and revocation', () => {
    expect(decodeListInboundReply(['{"id":"a"}', '', '{"r":1}'])).toEqual([
      { message: '{"id":"a"}', edit: '', revoke: '{"r":1}' },
    ]);
  });

  it.each([
    ['not an array', 3],
    ['a partial group', ['{}', '']],
    ['a nil read back as false', ['{}', '', false]],
  ])('rejects a malformed reply: %s', (_name, reply) => {
    expect(() => decodeListInboundReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeListInboundReply(reply)).toThrow('The waInboundList script gave an unexpected reply');
  });
});
