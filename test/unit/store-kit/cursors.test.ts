import {
  compareStreamCursors,
  decodePageCursor,
  encodePageCursor,
  InvalidCursorError,
  InvalidPageCursorError,
  parseStreamCursor,
  formatStreamCursor,
  nextStreamCursor,
} from '../../../src/store-kit';

describe('stream cursors', () => {
  it('parse and format round-trip in the Redis stream id format', () => {
    expect(parseStreamCursor('1750263773000-7')).toEqual({ ms: 1750263773000, seq: 7 });
    expect(formatStreamCursor({ ms: 1750263773000, seq: 7 })).toBe('1750263773000-7');
  });

  it.each(['', '1', '1-', '-1', 'a-1', '1-1-1', ' 1-1', '1.0-1', '99999999999999999-0'])(
    'refuses %p',
    (bad) => {
      expect(() => parseStreamCursor(bad)).toThrow(InvalidCursorError);
    },
  );

  it('orders by time, then sequence', () => {
    expect(compareStreamCursors(parseStreamCursor('5-9'), parseStreamCursor('6-0'))).toBeLessThan(0);
    expect(compareStreamCursors(parseStreamCursor('6-2'), parseStreamCursor('6-10'))).toBeLessThan(0);
    expect(compareStreamCursors(parseStreamCursor('6-2'), parseStreamCursor('6-2'))).toBe(0);
  });

  it('never goes back, even when the clock does', () => {
    expect(nextStreamCursor(null, 100)).toEqual({ ms: 100, seq: 0 });
    expect(nextStreamCursor({ ms: 100, seq: 0 }, 100)).toEqual({ ms: 100, seq: 1 });
    expect(nextStreamCursor({ ms: 100, seq: 4 }, 90)).toEqual({ ms: 100, seq: 5 });
    expect(nextStreamCursor({ ms: 100, seq: 4 }, 101)).toEqual({ ms: 101, seq: 0 });
  });
});

describe('page cursors', () => {
  it('round-trip (createdAt, id) through an opaque base64url string', () => {
    const cursor = encodePageCursor({ createdAt: 1750263773000, id: 'wamid.HBgL+/=' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toEqual({ createdAt: 1750263773000, id: 'wamid.HBgL+/=' });
  });

  it.each([
    'not base64 json',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[1.5,"x"]').toString('base64url'),
    Buffer.from('["1","x"]').toString('base64url'),
    Buffer.from('[1,"x",3]').toString('base64url'),
  ])('refuses %p', (bad) => {
    expect(() => decodePageCursor(bad)).toThrow(InvalidPageCursorError);
  });
});
