import { type AccountEventRecord, type NewAccountEvent, readAccountEvent } from '../../account-events';
import { type AccountEventEvidence } from '../../diagnosis';
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

/**
 * What the summary and the diagnosis read of an account event: its payload as account-events reads it
 * (one typed view per kind). The view names every field the evidence does, under the same names, so it is
 * the evidence as it is; the compiler checks that it still is whenever either side changes.
 */
export function accountEventEvidence(
  event: Pick<NewAccountEvent, 'kind' | 'field' | 'payload'>,
): AccountEventEvidence {
  return readAccountEvent(event);
}
