import { CallEventKind, type NewCallEvent } from '../../../src/calls/call-event';
import {
  decodeRecordCallsReply,
  encodeRecordCallsArgs,
  RECORD_CALLS_LUA,
  RECORD_CALLS_SCRIPT,
} from '../../../src/calls/redis-call-record-script';
import {
  decodeListCallsReply,
  encodeListCallsArgs,
  encodeListCallsKeys,
  LIST_CALLS_LUA,
  LIST_CALLS_SCRIPT,
} from '../../../src/calls/redis-call-list-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The call store's script contracts, without Redis. */
const connect: NewCallEvent = {
  id: 'wacid.1:CONNECT:connect:1750263772000',
  callId: 'wacid.1',
  phoneNumberId: '106540352242922',
  customer: { waId: '16505551234' },
  kind: CallEventKind.CONNECT,
  timestamp: 1750263772000,
  receivedAt: 1750263773000,
  errors: [],
  raw: {},
};
const terminate: NewCallEvent = {
  ...connect,
  id: 'wacid.1:TERMINATE:terminate:1750263780000',
  kind: CallEventKind.TERMINATE,
  timestamp: 1750263780000,
};

describe('call record script contract', () => {
  it('is defined with one key (the stream)', () => {
    expect(RECORD_CALLS_SCRIPT).toEqual({ lua: RECORD_CALLS_LUA, numberOfKeys: 1 });
  });

  it("ARGV: the run's five, then per event its id, JSON, names and timestamp", () => {
    expect(
      encodeRecordCallsArgs({
        keyPrefix: 'p:{calls}:',
        streamMaxLength: 100,
        channel: 'p:{calls}:call-event-published',
        publishCommand: 'SPUBLISH',
        retentionMs: 86_400_000,
        events: [
          { event: connect, customerNames: ['+16505551234', 'US.1349'] },
          { event: terminate, customerNames: [] },
        ],
      }),
    ).toEqual([
      'p:{calls}:',
      100,
      'p:{calls}:call-event-published',
      'SPUBLISH',
      86_400_000,
      connect.id,
      JSON.stringify(connect),
      '+16505551234 US.1349',
      1750263772000,
      terminate.id,
      JSON.stringify(terminate),
      '',
      1750263780000,
    ]);
  });

  it('the Lua reads events from ARGV 6, four each', () => {
    expect(RECORD_CALLS_LUA).toContain('for i = 6, #ARGV, 4 do');
  });

  it('decodes a cursor per event, null for one stored already', () => {
    expect(decodeRecordCallsReply(['1-0', '', '1-1'], 3)).toEqual(['1-0', null, '1-1']);
  });

  it.each([
    ['not an array', 1, 1, 'expected an array'],
    ['fewer cursors than events', ['1-0'], 2, 'expected 2 cursors, got 1'],
    ['a number', [0], 1, 'expected strings, got a number at 1'],
  ])('rejects a malformed reply: %s', (_name, reply, count, message) => {
    expect(() => decodeRecordCallsReply(reply, count)).toThrow(MalformedScriptReplyError);
    expect(() => decodeRecordCallsReply(reply, count)).toThrow(message);
  });
});

describe('call list script contract', () => {
  it('is defined read-only, with its keys counted per call', () => {
    expect(LIST_CALLS_SCRIPT).toEqual({ lua: LIST_CALLS_LUA, readOnly: true });
  });

  it("KEYS: the index of each of the customer's names", () => {
    expect(encodeListCallsKeys({ keyPrefix: 'p:{calls}:', customers: ['+16505551234', 'US.1349'] })).toEqual([
      'p:{calls}:call-by:+16505551234',
      'p:{calls}:call-by:US.1349',
    ]);
  });

  it('ARGV: record key prefix, max timestamp, position id, limit', () => {
    expect(
      encodeListCallsArgs({
        keyPrefix: 'p:{calls}:',
        position: { timestamp: 1750263772000, id: 'x' },
        limit: 20,
      }),
    ).toEqual(['p:{calls}:call:', 1750263772000, 'x', 20]);
    expect(encodeListCallsArgs({ keyPrefix: 'p:{calls}:', position: null, limit: 5 })).toEqual([
      'p:{calls}:call:',
      '+inf',
      '',
      5,
    ]);
  });

  it('decodes the records', () => {
    expect(decodeListCallsReply(['{"cursor":"1-0"}'])).toEqual(['{"cursor":"1-0"}']);
    expect(decodeListCallsReply([])).toEqual([]);
  });

  it.each([['OK'], [[1]], [null]])('rejects a malformed reply: %p', (reply) => {
    expect(() => decodeListCallsReply(reply)).toThrow(MalformedScriptReplyError);
  });
});
