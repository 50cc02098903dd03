import { type AccountEventRecord } from '../../account-events';
import { type AccountEvent } from '../types/account-event.type';

/** An account event as GraphQL shows it; the record rides along for its diagnosis and summary. */
export type AccountEventView = AccountEvent & { record: AccountEventRecord };

export function toAccountEvent(record: AccountEventRecord): AccountEventView {
  return {
    record,
    cursor: record.cursor,
    kind: record.kind,
    field: record.field,
    businessAccountId: record.businessAccountId ?? null,
    phoneNumberId: record.phoneNumberId ?? null,
    timestamp: new Date(record.timestamp),
    receivedAt: new Date(record.receivedAt),
    payload: record.payload,
  };
}
