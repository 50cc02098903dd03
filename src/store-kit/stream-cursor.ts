import { InvalidCursorError } from './cursor-errors';

/**
 * A status event cursor: a Redis stream entry id, `<ms>-<seq>`. The memory store makes ids in the same
 * format and with the same rule (never going back, even when the clock does) so that clients cannot tell
 * the two stores apart.
 *
 * A partitioned store's live stream hands out cursors with one position per partition (`EventCursor`);
 * they parse into `vector` (with `ms`/`seq` the event's own position) so that code written for one stream
 * keeps working: `compareStreamCursors` then says whether one covers the other.
 */
export interface StreamCursor {
  ms: number;
  seq: number;
  /** Set for a cursor with one position per partition. */
  vector?: EventCursor;
}

const CURSOR_PATTERN = /^(\d{1,15})-(\d{1,15})$/;

/** Parses a cursor; throws `InvalidCursorError` for anything a stream could not have produced. */
export function parseStreamCursor(cursor: string): StreamCursor {
  if (cursor.includes('_')) {
    const vector = parseEventCursor(cursor);
    const own = vector.own === null ? latest(vector.positions) : vector.positions[vector.own];
    return { ms: (own as StreamCursor).ms, seq: (own as StreamCursor).seq, vector };
  }
  return parsePosition(cursor);
}

function parsePosition(cursor: string): StreamCursor {
  const match = CURSOR_PATTERN.exec(cursor);
  if (match === null) throw new InvalidCursorError(cursor);
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export function formatStreamCursor(cursor: StreamCursor): string {
  return cursor.vector !== undefined ? formatEventCursor(cursor.vector) : `${cursor.ms}-${cursor.seq}`;
}

/**
 * Negative when a < b, zero when equal, positive when a > b. With a per-partition cursor on either side
 * the order is partial: negative or zero when b covers a (`eventCursorCovers`), positive otherwise.
 */
export function compareStreamCursors(a: StreamCursor, b: StreamCursor): number {
  if (a.vector !== undefined || b.vector !== undefined) {
    const x = toEventCursor(a);
    const y = toEventCursor(b);
    if (!eventCursorCovers(y, x)) return 1;
    return eventCursorCovers(x, y) ? 0 : -1;
  }
  return comparePositions(a, b);
}

function comparePositions(a: StreamCursor, b: StreamCursor): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.seq - b.seq;
}

function toEventCursor(cursor: StreamCursor): EventCursor {
  return cursor.vector ?? { positions: [{ ms: cursor.ms, seq: cursor.seq }], own: null };
}

function latest(positions: readonly StreamCursor[]): StreamCursor {
  return positions.reduce((a, b) => (comparePositions(a, b) >= 0 ? a : b));
}

/** The id Redis would give the next entry at time `now` after `last` (XADD `*`). */
export function nextStreamCursor(last: StreamCursor | null, now: number): StreamCursor {
  if (last === null || now > last.ms) return { ms: now, seq: 0 };
  return { ms: last.ms, seq: last.seq + 1 };
}

/**
 * A status event cursor as clients see it, in one of two forms.
 *
 * - One stream position, `<ms>-<seq>`: what a single Redis (and the memory store) hands out, and what a
 *   partitioned store returns for a write and keeps in a message's history. On a partitioned store it
 *   means "every partition after this entry id": exact within a replay, and across partitions exact
 *   except for events another partition appended, after the cursor was handed out, with a smaller id
 *   (clocks of different nodes, or two writes racing).
 * - One position per partition, `<p0>_<p1>_…`: exact everywhere. The live stream of a partitioned store
 *   hands these out, and a replay from one answers with them. One component may be marked `~`: the
 *   partition of the event it belongs to, so that a subscriber can tell whether it already has the event.
 */
export interface EventCursor {
  /** One position (every partition) or one per partition. */
  positions: readonly StreamCursor[];
  /** The event's own partition, when known. */
  own: number | null;
}

const OWN_MARK = '~';
const MAX_PARTITIONS = 1024;

/** Parses either form; throws `InvalidCursorError` for anything else. */
export function parseEventCursor(cursor: string): EventCursor {
  if (!cursor.includes('_')) return { positions: [parsePosition(cursor)], own: null };
  const parts = cursor.split('_');
  if (parts.length > MAX_PARTITIONS) throw new InvalidCursorError(cursor);
  let own: number | null = null;
  const positions = parts.map((part, index) => {
    if (!part.startsWith(OWN_MARK)) return parsePart(part, cursor);
    if (own !== null) throw new InvalidCursorError(cursor);
    own = index;
    return parsePart(part.slice(OWN_MARK.length), cursor);
  });
  return { positions, own };
}

function parsePart(part: string, cursor: string): StreamCursor {
  try {
    return parsePosition(part);
  } catch {
    throw new InvalidCursorError(cursor);
  }
}

/** The text of a cursor; per-partition positions that are all equal (and unmarked) collapse to one. */
export function formatEventCursor(cursor: EventCursor): string {
  const [first, ...rest] = cursor.positions;
  if (first === undefined) throw new Error('An event cursor needs at least one position.');
  if (cursor.own === null && rest.every((p) => comparePositions(p, first) === 0)) {
    return `${first.ms}-${first.seq}`;
  }
  return cursor.positions
    .map((p, index) => `${index === cursor.own ? OWN_MARK : ''}${p.ms}-${p.seq}`)
    .join('_');
}

/** The position of `cursor` in partition `partition` (a single position stands for every partition). */
export function eventCursorPosition(cursor: EventCursor, partition: number): StreamCursor | undefined {
  return cursor.positions.length === 1 ? cursor.positions[0] : cursor.positions[partition];
}

/**
 * Whether the event at `cursor` is at or before `last`, i.e. a subscriber that got everything up to `last`
 * already has it. Without an own partition every position must be covered (a rare event is then handed
 * out twice rather than never).
 */
function eventCursorCovers(last: EventCursor, cursor: EventCursor): boolean {
  if (!compatible(last, cursor)) return false;
  const partitions =
    cursor.own !== null ? [cursor.own] : range(Math.max(last.positions.length, cursor.positions.length));
  return partitions.every((q) => {
    const mine = eventCursorPosition(cursor, q);
    const theirs = eventCursorPosition(last, q);
    return mine !== undefined && theirs !== undefined && comparePositions(mine, theirs) <= 0;
  });
}

/** Everything either cursor covers: the later position of each partition. */
export function mergeEventCursors(a: EventCursor, b: EventCursor): EventCursor {
  if (!compatible(a, b)) return b;
  const positions = range(Math.max(a.positions.length, b.positions.length)).map((q) => {
    const x = eventCursorPosition(a, q) as StreamCursor;
    const y = eventCursorPosition(b, q) as StreamCursor;
    return comparePositions(x, y) >= 0 ? x : y;
  });
  return { positions, own: null };
}

function compatible(a: EventCursor, b: EventCursor): boolean {
  return a.positions.length === 1 || b.positions.length === 1 || a.positions.length === b.positions.length;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
