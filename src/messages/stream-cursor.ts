import { InvalidCursorError } from './message-store';

/**
 * A status event cursor: a Redis stream entry id, `<ms>-<seq>`. The memory store makes ids in the same
 * format and with the same rule (never going back, even when the clock does) so that clients cannot tell
 * the two stores apart.
 */
export interface StreamCursor {
  ms: number;
  seq: number;
}

const CURSOR_PATTERN = /^(\d{1,15})-(\d{1,15})$/;

/** Parses a cursor; throws `InvalidCursorError` for anything a stream could not have produced. */
export function parseStreamCursor(cursor: string): StreamCursor {
  const match = CURSOR_PATTERN.exec(cursor);
  if (match === null) throw new InvalidCursorError(cursor);
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export function formatStreamCursor(cursor: StreamCursor): string {
  return `${cursor.ms}-${cursor.seq}`;
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareStreamCursors(a: StreamCursor, b: StreamCursor): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.seq - b.seq;
}

/** The id Redis would give the next entry at time `now` after `last` (XADD `*`). */
export function nextStreamCursor(last: StreamCursor | null, now: number): StreamCursor {
  if (last === null || now > last.ms) return { ms: now, seq: 0 };
  return { ms: last.ms, seq: last.seq + 1 };
}
