import { CursorAheadError, CursorExpiredError } from './cursor-errors';
import { compareStreamCursors, parseStreamCursor } from './stream-cursor';

/**
 * Events strictly after `cursor` in an in-process stream (oldest first), with the Redis streams' cursor
 * rules: a malformed cursor, one older than the oldest kept event once any was dropped, or one past the
 * newest event are refused. For the embedded stores of inbound messages and account events.
 */
export function eventsAfter<E extends { cursor: string }>(
  log: readonly E[],
  cursor: string,
  limit: number,
  trimmed: boolean,
): E[] {
  const after = parseStreamCursor(cursor);
  const newest = log.at(-1)?.cursor ?? null;
  if (compareStreamCursors(after, parseStreamCursor(newest ?? '0-0')) > 0)
    throw new CursorAheadError(cursor, newest);
  const oldest = log[0]?.cursor;
  if (trimmed && oldest !== undefined && compareStreamCursors(after, parseStreamCursor(oldest)) < 0) {
    throw new CursorExpiredError(cursor, oldest);
  }
  const found: E[] = [];
  for (const event of log) {
    if (found.length >= limit) break;
    if (compareStreamCursors(parseStreamCursor(event.cursor), after) > 0) found.push(event);
  }
  return found;
}

/** Entry ids as Redis makes them: the clock's millisecond, then a sequence within it; never going back. */
export class StreamIds {
  private lastMs = 0;
  private lastSeq = -1;

  constructor(private readonly now: () => number) {}

  next(): string {
    const ms = this.now();
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.lastSeq = 0;
    } else {
      this.lastSeq += 1;
    }
    return `${this.lastMs}-${this.lastSeq}`;
  }
}
