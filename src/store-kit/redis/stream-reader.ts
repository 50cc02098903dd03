import { CursorAheadError, CursorExpiredError } from '../cursor-errors';
import { compareStreamCursors, parseStreamCursor, type StreamCursor } from '../stream-cursor';
import { type RedisConnection } from './connection';

export type StreamEntry = [id: string, fields: string[]];

export interface StreamRead {
  entries: StreamEntry[];
  /** The newest id the stream ever generated; null when it does not exist. */
  last: StreamCursor | null;
}

/**
 * The entries of one stream after `after`, in one round trip (MULTI, so that no trim can fall between the
 * expiry check and the read). Needs Redis 7 (XINFO's `entries-added`).
 */
export async function readStreamAfter(
  redis: RedisConnection,
  stream: string,
  after: StreamCursor,
  cursor: string,
  limit: number,
): Promise<StreamRead> {
  const results =
    (await redis
      .multi()
      .xinfo('STREAM', stream)
      .xrange(stream, `(${after.ms}-${after.seq}`, '+', 'COUNT', Math.floor(limit))
      .exec()) ?? [];
  const [[infoError, info], [rangeError, range]] = results;
  if (infoError !== null) {
    // No stream yet: nothing ever happened, so nothing was missed.
    if (/no such key/i.test(infoError.message)) return { entries: [], last: null };
    throw infoError;
  }
  if (rangeError !== null) throw rangeError;
  const fields = toFieldMap(info as unknown[]);
  const firstEntry = fields.get('first-entry');
  const oldest = Array.isArray(firstEntry) && typeof firstEntry[0] === 'string' ? firstEntry[0] : null;
  // Redis 7 counts every entry ever added; more than the length means some were trimmed, and then a
  // cursor older than the oldest kept entry may have lost events after it. (Redis 7.0 does not move
  // max-deleted-entry-id on trims, only on XDEL, so it is checked as well but cannot be relied on.)
  const trimmed = Number(fields.get('entries-added')) > Number(fields.get('length'));
  const maxDeleted = fields.get('max-deleted-entry-id');
  if (
    (trimmed && oldest !== null && compareStreamCursors(after, parseStreamCursor(oldest)) < 0) ||
    (typeof maxDeleted === 'string' && compareStreamCursors(after, parseStreamCursor(maxDeleted)) < 0)
  ) {
    throw new CursorExpiredError(cursor, oldest);
  }
  const lastGenerated = fields.get('last-generated-id');
  return {
    entries: range as StreamEntry[],
    last: typeof lastGenerated === 'string' ? parseStreamCursor(lastGenerated) : null,
  };
}

function toFieldMap(flat: unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(String(flat[i]), flat[i + 1]);
  return map;
}

/**
 * The raw entries strictly after `cursor` (an entry id) in one stream, oldest first, at most `limit`, in
 * one round trip, for a store that decodes its own entries (inbound messages, account events, calls). The same cursor errors as the status stream: malformed, expired (the
 * stream was trimmed past it), or ahead of every id the stream generated.
 */
export async function readEntriesAfter(
  redis: RedisConnection,
  stream: string,
  cursor: string,
  limit: number,
): Promise<Array<[id: string, fields: string[]]>> {
  const after = parseStreamCursor(cursor);
  if (limit < 1) return [];
  const read = await readStreamAfter(redis, stream, after, cursor, limit);
  const newest = read.last ?? { ms: 0, seq: 0 };
  if (compareStreamCursors(after, newest) > 0) {
    throw new CursorAheadError(cursor, read.last === null ? null : `${newest.ms}-${newest.seq}`);
  }
  return read.entries;
}
