import {
  decodeListMessagesReply,
  encodeListMessagesArgs,
  LIST_MESSAGES_LUA,
  LIST_MESSAGES_SCRIPT,
} from '../../../src/messages/redis/list-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The list script's wire contract, without Redis. */
describe('list script contract', () => {
  it('is defined with one key (the index walked), read-only', () => {
    expect(LIST_MESSAGES_SCRIPT).toEqual({ lua: LIST_MESSAGES_LUA, numberOfKeys: 1, readOnly: true });
  });

  it('ARGV: record prefix, max and min score, after score and id, first, statuses, phone number, scan limit', () => {
    expect(
      encodeListMessagesArgs({
        recordPrefix: 'p:{m}:msg:',
        maxCreatedAt: 1750263773000,
        minCreatedAt: 1750000000000,
        after: { createdAt: 1750263773000, id: 'wamid.A' },
        first: 20,
        statuses: ['DELIVERED', 'READ'],
        phoneNumberId: '106540352242922',
        scanLimit: 5000,
      }),
    ).toEqual([
      'p:{m}:msg:',
      1750263773000,
      1750000000000,
      1750263773000,
      'wamid.A',
      20,
      'DELIVERED,READ',
      '106540352242922',
      5000,
    ]);
  });

  it('writes the open bounds and absent filters as the script reads them', () => {
    expect(
      encodeListMessagesArgs({
        recordPrefix: 'p:{m}:msg:',
        maxCreatedAt: Infinity,
        minCreatedAt: undefined,
        after: null,
        first: 1,
        statuses: [],
        phoneNumberId: undefined,
        scanLimit: 10,
      }),
    ).toEqual(['p:{m}:msg:', '+inf', '-inf', '', '', 1, '', '', 10]);
  });

  it('decodes a page with a next page, and the last page', () => {
    expect(decodeListMessagesReply([1, '1750263773000', 'wamid.B', '{"id":"A"}', '{"id":"B"}'])).toEqual({
      records: ['{"id":"A"}', '{"id":"B"}'],
      end: { createdAt: 1750263773000, id: 'wamid.B' },
    });
    expect(decodeListMessagesReply([0, '', '', '{"id":"A"}'])).toEqual({
      records: ['{"id":"A"}'],
      end: null,
    });
    expect(decodeListMessagesReply([0, '', ''])).toEqual({ records: [], end: null });
  });

  it.each([
    ['not an array', 1],
    ['too short', [0, '']],
    ['a flag that is not 0 or 1', ['1', '', '']],
    ['a score that is not a string', [1, 17, 'id']],
    ['a record that is not a string', [0, '', '', '{}', 3]],
  ])('rejects a malformed reply: %s', (_name, reply) => {
    expect(() => decodeListMessagesReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeListMessagesReply(reply)).toThrow('The waMessageList script gave an unexpected reply');
  });
});
