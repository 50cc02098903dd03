import { type MessageRecord } from './message-record';
import { type MessageFilter } from './message-store';

/** Whether a record passes a `messages` filter; the Lua list script applies the same tests. */
export function matchesMessageFilter(record: MessageRecord, filter: MessageFilter): boolean {
  if (filter.status !== undefined && filter.status.length > 0 && !filter.status.includes(record.status)) {
    return false;
  }
  // A customer known only by BSUID is filtered by it (the Redis index keys it the same way).
  if (
    filter.recipient !== undefined &&
    record.recipient !== filter.recipient &&
    record.recipientUserId !== filter.recipient
  ) {
    return false;
  }
  if (filter.phoneNumberId !== undefined && record.phoneNumberId !== filter.phoneNumberId) return false;
  if (filter.from !== undefined && record.createdAt < filter.from) return false;
  if (filter.to !== undefined && record.createdAt > filter.to) return false;
  return true;
}
