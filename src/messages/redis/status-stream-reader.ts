import { type Logger } from '../../observability';
import {
  compareStreamCursors,
  CursorAheadError,
  eventCursorPosition,
  formatEventCursor,
  InvalidCursorError,
  mergeEventCursors,
  parseEventCursor,
  parseStreamCursor,
  readStreamAfter,
  type EventCursor,
  type RedisConnection,
  type StreamCursor,
  type StreamEntry,
  type StreamRead,
} from '../../store-kit';
import { type StatusChangeEvent } from '../message-record';
import { decodeStatusEvent, StatusEventDecodeError } from '../status-event-codec';

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

function decodeEntries(
  entries: StreamEntry[],
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
