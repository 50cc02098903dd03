import {
  APPEND_ACCOUNT_EVENTS_LUA,
  APPEND_ACCOUNT_EVENTS_SCRIPT,
  decodeAppendAccountEventsReply,
  encodeAppendAccountEventsArgs,
} from '../../../src/account-events/redis-account-event-append-script';
import { MalformedScriptReplyError } from '../../../src/store-kit';

/** The account event store's append script contract, without Redis. */
describe('account event append script contract', () => {
  it('is defined with one key (the stream)', () => {
    expect(APPEND_ACCOUNT_EVENTS_SCRIPT).toEqual({ lua: APPEND_ACCOUNT_EVENTS_LUA, numberOfKeys: 1 });
  });

  it('lays out the arguments as the Lua reads them: the options, then digest and JSON per event', () => {
    const args = {
      maxLength: 100_000,
      channel: 'wa:{a}:account-event-published',
      dedupePrefix: 'wa:{a}:account-event-seen:',
      dedupeMs: 86_400_000,
      events: [
        { digest: 'd1', json: '{"kind":"ACCOUNT_UPDATE"}' },
        { digest: 'd2', json: '{"kind":"QUALITY_UPDATE"}' },
      ],
    };
    expect(encodeAppendAccountEventsArgs({ ...args, cluster: false })).toEqual([
      100_000,
      'wa:{a}:account-event-published',
      'wa:{a}:account-event-seen:',
      86_400_000,
      'PUBLISH',
      'd1',
      '{"kind":"ACCOUNT_UPDATE"}',
      'd2',
      '{"kind":"QUALITY_UPDATE"}',
    ]);
    expect(encodeAppendAccountEventsArgs({ ...args, cluster: true })[4]).toBe('SPUBLISH');
    // The Lua walks the pairs from ARGV[6]: five options before them.
    expect(APPEND_ACCOUNT_EVENTS_LUA).toContain('for i = 6, #ARGV, 2 do');
  });

  it('reads one cursor per event, null for one skipped as a repeat', () => {
    expect(decodeAppendAccountEventsReply(['1750000000000-0', ''], 2)).toEqual(['1750000000000-0', null]);
  });

  it.each([
    ['not a list', 'OK', 1],
    ['a number among the ids', ['1-0', 7], 2],
    ['fewer ids than events', ['1-0'], 2],
  ])('refuses a reply that is %s', (_case, reply, events) => {
    expect(() => decodeAppendAccountEventsReply(reply, events)).toThrow(MalformedScriptReplyError);
  });
});
