import { type MessageErrorDetail, type MessageRecord, type StatusHistoryEntry } from './message-record';
import { asArray } from './status-event-codec';

/** How a record is stored in Redis: one JSON string per message, written by the Lua apply script. */
export function encodeMessageRecord(record: MessageRecord): string {
  return JSON.stringify(record);
}

/**
 * Reads a stored record. The gateway wrote it, so fields are trusted; only the lists are normalised
 * (cjson turns an empty list into `{}`) and an empty conversation or pricing object is dropped.
 */
export function decodeMessageRecord(raw: string): MessageRecord {
  const stored = JSON.parse(raw) as MessageRecord;
  const record: MessageRecord = {
    ...stored,
    conflict: stored.conflict === true,
    errors: asArray<MessageErrorDetail>(stored.errors),
    statusHistory: asArray<StatusHistoryEntry>(stored.statusHistory).map((entry) => ({
      ...entry,
      errors: asArray<MessageErrorDetail>(entry.errors),
    })),
  };
  if (record.conversation !== undefined && Object.keys(record.conversation).length === 0)
    delete record.conversation;
  if (record.pricing !== undefined && Object.keys(record.pricing).length === 0) delete record.pricing;
  return record;
}
