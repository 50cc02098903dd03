import {
  decodeFindContactReply,
  encodeFindContactArgs,
  FIND_CONTACT_LUA,
  FIND_CONTACT_SCRIPT,
} from '../../../src/contacts/redis-contact-find-script';
import {
  decodeListContactsReply,
  encodeListContactsArgs,
  LIST_CONTACTS_LUA,
  LIST_CONTACTS_SCRIPT,
} from '../../../src/contacts/redis-contact-list-script';
import {
  decodeObserveContactsReply,
  encodeObserveContactsArgs,
  OBSERVE_CONTACTS_LUA,
  OBSERVE_CONTACTS_SCRIPT,
} from '../../../src/contacts/redis-contact-observe-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The contact store's script contracts, without Redis. */
describe('contact observe script contract', () => {
  it('is defined with one key (idx)', () => {
    expect(OBSERVE_CONTACTS_SCRIPT).toEqual({ lua: OBSERVE_CONTACTS_LUA, numberOfKeys: 1 });
  });

  it('ARGV: key prefix, seenAt, sightings JSON, retention', () => {
    const sightings = [
      { waId: '16505551234', profileName: 'Ana' },
      { userId: 'US.1349', inboundAt: 5 },
    ];
    expect(
      encodeObserveContactsArgs({ keyPrefix: 'p:{c}:', seenAt: 1750263773000, sightings, retentionMs: 1000 }),
    ).toEqual(['p:{c}:', 1750263773000, JSON.stringify(sightings), 1000]);
  });

  it('accepts 1 only', () => {
    expect(() => decodeObserveContactsReply(1)).not.toThrow();
    expect(() => decodeObserveContactsReply(0)).toThrow(MalformedScriptReplyError);
    expect(() => decodeObserveContactsReply('OK')).toThrow(
      'The waContactObserve script gave an unexpected reply',
    );
  });
});

describe('contact find script contract', () => {
  it('is defined with one key (idx), read-only', () => {
    expect(FIND_CONTACT_SCRIPT).toEqual({ lua: FIND_CONTACT_LUA, numberOfKeys: 1, readOnly: true });
  });

  it('ARGV: key prefix, name', () => {
    expect(encodeFindContactArgs({ keyPrefix: 'p:{c}:', name: '+16505551234' })).toEqual([
      'p:{c}:',
      '+16505551234',
    ]);
  });

  it("decodes the contact's hash, or null for none", () => {
    expect(decodeFindContactReply(['id', 'US.1349', 'lastSeenAt', '5'])).toEqual([
      'id',
      'US.1349',
      'lastSeenAt',
      '5',
    ]);
    expect(decodeFindContactReply([])).toBeNull();
  });

  it.each([['OK'], [['id']], [['id', 5]]])('rejects a malformed reply: %p', (reply) => {
    expect(() => decodeFindContactReply(reply)).toThrow(MalformedScriptReplyError);
  });
});

describe('contact list script contract', () => {
  it('is defined with one key (idx), read-only', () => {
    expect(LIST_CONTACTS_SCRIPT).toEqual({ lua: LIST_CONTACTS_LUA, numberOfKeys: 1, readOnly: true });
  });

  it('ARGV: key prefix, max score, position id, first, wrote-after time and expectation, opt-out, scan limit', () => {
    expect(
      encodeListContactsArgs({
        keyPrefix: 'p:{c}:',
        after: { lastSeenAt: 1750263773000, id: 'US.1349' },
        first: 20,
        filter: { wroteAfter: { at: 1750177373000, expected: false }, marketingOptOut: true },
        scanLimit: 5000,
      }),
    ).toEqual(['p:{c}:', 1750263773000, 'US.1349', 20, 1750177373000, '0', '1', 5000]);
    expect(
      encodeListContactsArgs({
        keyPrefix: 'p:{c}:',
        after: null,
        first: 1,
        filter: { wroteAfter: { at: 7, expected: true }, marketingOptOut: false },
        scanLimit: 10,
      }),
    ).toEqual(['p:{c}:', '+inf', '', 1, 7, '1', '0', 10]);
    expect(
      encodeListContactsArgs({ keyPrefix: 'p:{c}:', after: null, first: 1, filter: {}, scanLimit: 10 }),
    ).toEqual(['p:{c}:', '+inf', '', 1, '', '1', '', 10]);
  });

  it('decodes the contacts and where the next page starts', () => {
    expect(decodeListContactsReply([1, '1750263773000', 'US.1349', '["id","US.1349"]'])).toEqual({
      contacts: [['id', 'US.1349']],
      end: { lastSeenAt: 1750263773000, id: 'US.1349' },
    });
    expect(decodeListContactsReply([0, '', ''])).toEqual({ contacts: [], end: null });
  });

  it.each([
    ['not an array', 'OK', 'expected an array'],
    ['a bad flag', [3, '', ''], 'expected {0 or 1, end score, end id, …}'],
    ['a contact that is not JSON', [0, '', '', 'id'], 'expected a JSON array of strings at 4'],
    [
      'a contact that is not an array of strings',
      [0, '', '', '["id",1]'],
      'expected a JSON array of strings at 4',
    ],
  ])('rejects a malformed reply: %s', (_name, reply, message) => {
    expect(() => decodeListContactsReply(reply)).toThrow(MalformedScriptReplyError);
    expect(() => decodeListContactsReply(reply)).toThrow(message);
  });
});
