import {
  type MessageErrorDetail,
  type MessageRecord,
  type StatusChangeEvent,
  type StatusHistoryEntry,
} from '../message-record';
import { asArray, decodeParsedEvent, parseEventJson } from '../status-event-codec';

/**
 * Reads a stored record: one JSON string per message, written by the Lua apply script. The gateway wrote it, so fields are trusted; only the lists are normalised
 * (cjson turns an empty list into `{}`) and an empty conversation or pricing object is dropped.
 */
export function decodeMessageRecord(raw: string): MessageRecord {
  return normaliseMessageRecord(JSON.parse(raw) as MessageRecord);
}

/** A record as the Lua scripts' cjson wrote it, parsed, with its lists and empty objects put right. */
function normaliseMessageRecord(stored: MessageRecord): MessageRecord {
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

/**
 * Decodes what the apply script publishes: the event with its cursor and, beside it under `record`, the
 * message as it stands after it (so that subscribers need no read per event). A publisher that sends no
 * record gives `message: null`.
 */
export function decodePublishedStatus(raw: string): {
  event: StatusChangeEvent;
  message: MessageRecord | null;
} {
  const parsed = parseEventJson(raw);
  const event = decodeParsedEvent(parsed);
  const record = (parsed as { record?: unknown }).record;
  const message =
    typeof record === 'object' && record !== null && (record as MessageRecord).id === event.messageId
      ? normaliseMessageRecord(record as MessageRecord)
      : null;
  return { event, message };
}
