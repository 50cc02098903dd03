import { type CallEventRecord, CallEventKind } from '../../calls';
import { type ContactRecord } from '../../contacts';
import { toMessageError } from './message-mappers';
import { CallDirection, type CallEvent, CallStatus } from '../types/call-event.type';
import { pricingValue } from '../types/conversation.type';

/**
 * A call event as GraphQL shows it; the record rides along for `contact`, and so does the customer's
 * contact when the caller already read it (a conversation page or a contact's `calls`).
 */
export type CallEventView = Omit<CallEvent, 'contact'> & {
  record: CallEventRecord;
  sender: ContactRecord | null;
};

export function toCallEvent(record: CallEventRecord, sender: ContactRecord | null = null): CallEventView {
  const direction =
    record.direction ?? (record.kind === CallEventKind.STATUS ? CallDirection.BUSINESS_INITIATED : undefined);
  return {
    record,
    sender,
    id: record.id,
    callId: record.callId,
    cursor: record.cursor,
    phoneNumberId: record.phoneNumberId,
    kind: record.kind,
    rawEvent: record.event ?? null,
    status: pricingValue(CallStatus, record.status),
    rawStatus: record.status ?? null,
    direction: pricingValue(CallDirection, direction),
    rawDirection: record.direction ?? null,
    timestamp: new Date(record.timestamp),
    receivedAt: new Date(record.receivedAt),
    startedAt: record.startedAt === undefined ? null : new Date(record.startedAt),
    endedAt: record.endedAt === undefined ? null : new Date(record.endedAt),
    durationSeconds: record.durationSeconds ?? null,
    errors: record.errors.map(toMessageError),
    bizOpaqueCallbackData: record.bizOpaqueCallbackData ?? null,
    raw: record.raw,
  };
}
