import { type Redis } from 'ioredis';
import {
  defineScripts,
  type LuaScript,
  MalformedScriptReplyError,
  replyArray,
  replyPage,
  replyStringGroups,
  replyStrings,
} from '../../../src/store-kit';

describe('defineScripts', () => {
  it('defines each script under its name, as given, on the connection it returns', () => {
    const defined: Array<[string, unknown]> = [];
    const connection = {
      defineCommand: (name: string, definition: unknown) => defined.push([name, definition]),
    } as unknown as Redis;
    const read: LuaScript = { lua: 'return 1', numberOfKeys: 1, readOnly: true };
    const write: LuaScript = { lua: 'return 2' };

    const scripted = defineScripts(connection, { waRead: read, waWrite: write, waWriteAtOnce: write });

    expect(scripted).toBe(connection);
    expect(defined).toEqual([
      ['waRead', read],
      ['waWrite', write],
      ['waWriteAtOnce', write],
    ]);
  });
});

describe('script reply checks', () => {
  it('replyArray: an array, else an error naming the script and what came', () => {
    expect(replyArray('waX', [1, 'a'])).toEqual([1, 'a']);
    expect(() => replyArray('waX', 'OK')).toThrow(MalformedScriptReplyError);
    expect(() => replyArray('waX', 'OK')).toThrow(
      'The waX script gave an unexpected reply: expected an array, got a string.',
    );
    expect(() => replyArray('waX', null)).toThrow('got null');
  });

  it('replyStrings: strings only', () => {
    expect(replyStrings('waX', [])).toEqual([]);
    expect(replyStrings('waX', ['a', ''])).toEqual(['a', '']);
    expect(() => replyStrings('waX', ['a', 2])).toThrow('expected strings, got a number at 2');
  });

  it('replyStringGroups: strings in whole groups', () => {
    expect(replyStringGroups('waX', ['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(() => replyStringGroups('waX', ['a', 'b', 'c'], 2)).toThrow(
      'expected groups of 2 strings, got 3 strings',
    );
  });

  it('replyPage: {0 or 1, end score, end id, string…}', () => {
    expect(replyPage('waX', [1, '5', 'id', 'a', 'b'])).toEqual({
      hasMore: true,
      endScore: '5',
      endId: 'id',
      entries: ['a', 'b'],
    });
    expect(replyPage('waX', [0, '', ''])).toEqual({ hasMore: false, endScore: '', endId: '', entries: [] });
    expect(() => replyPage('waX', [2, '', ''])).toThrow('expected {0 or 1, end score, end id, …}');
    expect(() => replyPage('waX', [1, 5, 'id'])).toThrow('got {a number, a number, a string, …}');
    expect(() => replyPage('waX', [1])).toThrow(MalformedScriptReplyError);
    expect(() => replyPage('waX', [0, '', '', 'a', 7])).toThrow('got a number at 5');
  });
});
