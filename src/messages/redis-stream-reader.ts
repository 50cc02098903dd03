import { type Redis } from 'ioredis';
import { type Logger } from '../observability';
import { type StatusChangeEvent } from './message-record';
import { CursorExpiredError } from './message-store';
import { decodeStatusEvent, StatusEventDecodeError } from './status-event-codec';
import { compareStreamCursors, parseStreamCursor } from './stream-cursor';

/**
 * Events strictly after `cursor` in the status stream, in one round trip (MULTI, so that no trim can fall
 * between the expiry check and the read). Needs Redis 7 (XINFO's `entries-added`).
 */
export async function readStreamAfter(
  redis: Redis,
  stream: string,
  cursor: string,
  limit: number,
  logger: Logger,
): Promise<StatusChangeEvent[]> {
  const after = parseStreamCursor(cursor);
  if (limit < 1) return [];
  const results =
    (await redis
      .multi()
      .xinfo('STREAM', stream)
      .xrange(stream, `(${cursor}`, '+', 'COUNT', Math.floor(limit))
      .exec()) ?? [];
  const [[infoError, info], [rangeError, range]] = results;
  if (infoError !== null) {
    // No stream yet: nothing ever happened, so nothing was missed.
    if (/no such key/i.test(infoError.message)) return [];
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
  const events: StatusChangeEvent[] = [];
  for (const [id, entryFields] of range as Array<[string, string[]]>) {
    const raw = entryFields[entryFields.indexOf('e') + 1];
    try {
      events.push(decodeStatusEvent(raw ?? '', id));
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
