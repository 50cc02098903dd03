import { type Logger } from '../../observability';
import { type StatusChangeEvent } from '../message-record';
import { CursorAheadError, CursorExpiredError, InvalidCursorError } from '../message-store';
import { type RedisConnection } from './message-store-options';
import { decodeStatusEvent, StatusEventDecodeError } from '../status-event-codec';
import {
  compareStreamCursors,
  eventCursorPosition,
  formatEventCursor,
  mergeEventCursors,
  parseEventCursor,
  parseStreamCursor,
  type EventCursor,
  type StreamCursor,
} from '../stream-cursor';

type Entry = [id: string, fields: string[]];

/**
 * Events strictly after `cursor` in the status streams (one per partition), oldest first, at most
 * `limit`. One stream: one round trip, the cursor is an entry id. Several: one round trip per partition,
 * all at once; the partitions' entries are merged by id (unique across partitions), and each event's
 * cursor is the start cursor advanced to the event's id in every partition (a single id when the start
 * was one, so that a replay from a history cursor answers with history cursors).
 */
export async function readStreamsAfter(
  redis: RedisConnection,
  streams: readonly string[],
  cursor: string,
  limit: number,
  logger: Logger,
): Promise<StatusChangeEvent[]> {
  const start = parseEventCursor(cursor);
  const count = start.positions.length;
  if (count !== 1 && count !== streams.length) throw new InvalidCursorError(cursor);
  if (limit < 1) return [];
  const reads = await Promise.all(
    streams.map((stream, q) =>
      readStreamAfter(redis, stream, eventCursorPosition(start, q) as StreamCursor, cursor, limit),
    ),
  );
  assertNotAhead(start, reads, cursor);
  const perPartition = reads.map((read) => read.entries);
  if (streams.length === 1) return decodeEntries(perPartition[0] ?? [], logger, (id) => id);
  const merged = perPartition
    .flatMap((entries, q) => entries.map((entry) => ({ entry, q, id: parseStreamCursor(entry[0]) })))
    .sort((a, b) => compareStreamCursors(a.id, b.id))
    .slice(0, Math.floor(limit));
  const partitionOf = new Map(merged.map(({ entry, q }) => [entry[0], q]));
  return decodeEntries(
    merged.map(({ entry }) => entry),
    logger,
    (id) => {
      if (count === 1) return id;
      const advanced: EventCursor = mergeEventCursors(start, {
        positions: [parseStreamCursor(id)],
        own: null,
      });
      return formatEventCursor({ ...advanced, own: partitionOf.get(id) ?? null });
    },
  );
}

/**
 * A cursor past the newest id the streams ever generated was not handed out by them: nothing would ever
 * come after it. Every position a cursor holds is some event's id (a position may stand for partitions
 * that had not reached that id yet), so it is ahead only when a position is past the newest id of all.
 */
function assertNotAhead(start: EventCursor, reads: readonly StreamRead[], cursor: string): void {
  const latest = (positions: readonly StreamCursor[]): StreamCursor =>
    positions.reduce((a, b) => (compareStreamCursors(a, b) >= 0 ? a : b), { ms: 0, seq: 0 });
  const newest = latest(reads.flatMap((read) => (read.last === null ? [] : [read.last])));
  if (compareStreamCursors(latest(start.positions), newest) <= 0) return;
  const known = reads.some((read) => read.last !== null);
  throw new CursorAheadError(cursor, known ? `${newest.ms}-${newest.seq}` : null);
}

interface StreamRead {
  entries: Entry[];
  /** The newest id the stream ever generated; null when it does not exist. */
  last: StreamCursor | null;
}

/**
 * The entries of one stream after `after`, in one round trip (MULTI, so that no trim can fall between the
 * expiry check and the read). Needs Redis 7 (XINFO's `entries-added`).
 */
async function readStreamAfter(
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
    entries: range as Entry[],
    last: typeof lastGenerated === 'string' ? parseStreamCursor(lastGenerated) : null,
  };
}

function decodeEntries(
  entries: Entry[],
  logger: Logger,
  cursorOf: (id: string) => string,
): StatusChangeEvent[] {
  const events: StatusChangeEvent[] = [];
  for (const [id, entryFields] of entries) {
    const raw = entryFields[entryFields.indexOf('e') + 1];
    try {
      events.push(decodeStatusEvent(raw ?? '', cursorOf(id)));
    } catch (error) {
      if (!(error instanceof StatusEventDecodeError)) throw error;
      logger.warn({ cursor: id, reason: error.message }, 'Dropped a stream event this version cannot read.');
    }
  }
  return events;
}

function toFieldMap(flat: unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(String(flat[i]), flat[i + 1]);
  return map;
}

/**
 * The raw entries strictly after `cursor` (an entry id) in one stream, oldest first, at most `limit`, in
 * one round trip; for streams other than the status stream (inbound messages, account events), whose
 * entries their own store decodes. The same cursor errors as the status stream: malformed, expired (the
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
