import { MessageStatus, type StatusUpdate } from '../../../src/messages';
import {
  APPLY_SCRIPT,
  APPLY_STATUS_LUA,
  type ApplyItem,
  type ApplyPartition,
  applyPartitionsOf,
  decodeApplyReply,
  encodeApplyArgs,
  encodeApplyKeys,
} from '../../../src/messages/redis/apply-script';
import { redisMessageLayout } from '../../../src/messages/redis/message-layout';
import { StreamTrimMode } from '../../../src/messages/redis/message-store-options';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The apply script's wire contract: a shift of KEYS or ARGV fails here, without Redis. */
const partition: ApplyPartition = {
  stream: 'p:{m3}:events',
  indexAll: 'p:{m3}:idx:all',
  customerIndexPrefix: 'p:{m3}:idx:to:',
  channel: 'p:{m3}:status-changed',
  publishCommand: 'SPUBLISH',
  partition: 3,
  partitionCount: 8,
  streamMaxLength: 1000,
  trim: '=',
  retentionMs: 86_400_000,
};

const status: StatusUpdate = {
  messageId: 'wamid.A',
  status: MessageStatus.DELIVERED,
  timestamp: 1750263772000,
  phoneNumberId: '106540352242922',
  errors: [],
};
const send: StatusUpdate = { ...status, messageId: 'wamid.B', status: MessageStatus.ACCEPTED };
const sendFacts = {
  phoneNumberId: '106540352242922',
  recipient: '+16505551234',
  waId: '16505551234',
  type: 'text',
  createdAt: 1750263772500,
};

const items: ApplyItem[] = [
  {
    recordKey: 'p:{m3}:msg:wamid.A',
    phoneNumberIndexKey: 'p:{m3}:idx:pn:106540352242922',
    update: status,
    receivedAt: 1750263773000,
  },
  {
    recordKey: 'p:{m3}:msg:wamid.B',
    phoneNumberIndexKey: 'p:{m3}:idx:pn:106540352242922',
    update: send,
    receivedAt: 1750263773001,
    send: sendFacts,
    inboundKey: 'p:{m3}:inbound:106540352242922:16505551234',
  },
];

describe('apply script contract', () => {
  it('is defined with its keys counted per run', () => {
    expect(APPLY_SCRIPT).toEqual({ lua: APPLY_STATUS_LUA });
  });

  it('KEYS: stream, index of all, then record and index by phone number per item', () => {
    expect(encodeApplyKeys(partition, items)).toEqual([
      'p:{m3}:events',
      'p:{m3}:idx:all',
      'p:{m3}:msg:wamid.A',
      'p:{m3}:idx:pn:106540352242922',
      'p:{m3}:msg:wamid.B',
      'p:{m3}:idx:pn:106540352242922',
    ]);
    expect(encodeApplyKeys(partition, [])).toEqual(['p:{m3}:events', 'p:{m3}:idx:all']);
  });

  it("ARGV: the run's nine, then four per item", () => {
    expect(encodeApplyArgs(partition, items)).toEqual([
      2,
      1000,
      '=',
      'p:{m3}:status-changed',
      'p:{m3}:idx:to:',
      'SPUBLISH',
      8,
      3,
      86_400_000,
      JSON.stringify(status),
      1750263773000,
      '',
      '',
      JSON.stringify(send),
      1750263773001,
      JSON.stringify(sendFacts),
      'p:{m3}:inbound:106540352242922:16505551234',
    ]);
  });

  it('the Lua reads the positions the encoder writes', () => {
    // The run's ARGV 1–9 and each item's from 10, four each; each item's KEYS from 3, two each.
    expect(APPLY_STATUS_LUA).toContain('local itemCount = tonumber(ARGV[1])');
    expect(APPLY_STATUS_LUA).toContain('ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]');
    expect(APPLY_STATUS_LUA).toContain('tonumber(ARGV[7]), tonumber(ARGV[8])');
    expect(APPLY_STATUS_LUA).toContain('ARGV[9], tonumber(ARGV[9])');
    expect(APPLY_STATUS_LUA).toContain('local at = 9 + 4 * i');
    expect(APPLY_STATUS_LUA).toMatch(
      /pcall\(apply, KEYS\[3 \+ 2 \* i\], KEYS\[4 \+ 2 \* i\], ARGV\[at \+ 1\], ARGV\[at \+ 2\], ARGV\[at \+ 3\],\s+ARGV\[at \+ 4\]\)/,
    );
  });

  it("each partition's run of a layout: its keys and channel, the trim operator", () => {
    const single = applyPartitionsOf(redisMessageLayout({ keyPrefix: 'p:', channel: 'p:ch' }, false), {
      streamMaxLength: 50,
      streamTrim: StreamTrimMode.APPROXIMATE,
      retentionMs: 1000,
    });
    expect(single).toEqual([
      {
        stream: 'p:{m}:events',
        indexAll: 'p:{m}:idx:all',
        customerIndexPrefix: 'p:{m}:idx:to:',
        channel: 'p:ch',
        publishCommand: 'PUBLISH',
        partition: 0,
        partitionCount: 1,
        streamMaxLength: 50,
        trim: '~',
        retentionMs: 1000,
      },
    ]);
    const sharded = applyPartitionsOf(redisMessageLayout({ keyPrefix: 'p:', partitions: 2 }, true), {
      streamMaxLength: 50,
      streamTrim: StreamTrimMode.EXACT,
      retentionMs: 1000,
    });
    expect(sharded.map((p) => [p.partition, p.partitionCount, p.publishCommand, p.trim])).toEqual([
      [0, 2, 'SPUBLISH', '='],
      [1, 2, 'SPUBLISH', '='],
    ]);
    expect(sharded.map((p) => p.channel)).toEqual(
      sharded.map((p) => p.stream.replace('events', 'status-changed')),
    );
  });

  it('decodes each item reply: applied (status, send, send with inbound time), duplicate, failed', () => {
    expect(
      decodeApplyReply(
        [
          [1, '{"cursor":"1-0"}'],
          [1, '{"cursor":"1-1"}', '{"id":"B"}'],
          [1, '{"cursor":"1-2"}', '{"id":"C"}', '1750263770000'],
          [1, '{"cursor":"1-3"}', '{"id":"D"}', ''],
          [0, '1-0'],
          [-1, 'user_script:1: bad JSON'],
        ],
        6,
      ),
    ).toEqual([
      { kind: 'applied', event: '{"cursor":"1-0"}', record: undefined, customerLastInboundAt: undefined },
      { kind: 'applied', event: '{"cursor":"1-1"}', record: '{"id":"B"}', customerLastInboundAt: undefined },
      {
        kind: 'applied',
        event: '{"cursor":"1-2"}',
        record: '{"id":"C"}',
        customerLastInboundAt: 1750263770000,
      },
      { kind: 'applied', event: '{"cursor":"1-3"}', record: '{"id":"D"}', customerLastInboundAt: null },
      { kind: 'duplicate', cursor: '1-0' },
      { kind: 'failed', error: 'user_script:1: bad JSON' },
    ]);
  });

  it.each([
    ['not an array', 'OK', 1, 'expected an array, got a string'],
    ['fewer replies than items', [[0, '1-0']], 2, 'expected 2 item replies, got 1'],
    ['an item that is not an array', [5], 1, 'item 1: expected an array, got a number'],
    ['an unknown code', [[2, 'x']], 1, 'item 1: expected {1, event…}, {0, cursor} or {-1, error}'],
    ['a duplicate with more', [[0, '1-0', 'x']], 1, 'item 1: expected {1, event…}'],
    ['an event that is not a string', [[1, 7]], 1, 'item 1: expected a string at 2, got a number'],
    [
      'a record that is not a string',
      [
        [0, '1-0'],
        [1, 'e', 3],
      ],
      2,
      'item 2: expected a record string at 3',
    ],
    [
      'an inbound time that is not a string',
      [[1, 'e', 'r', 5]],
      1,
      'item 1: expected an inbound time string',
    ],
    ['too many entries', [[1, 'e', 'r', '', '']], 1, 'item 1: expected {1, event…}'],
  ])('rejects a malformed reply: %s', (_name, reply, count, message) => {
    expect(() => decodeApplyReply(reply, count)).toThrow(MalformedScriptReplyError);
    expect(() => decodeApplyReply(reply, count)).toThrow(message);
  });
});
