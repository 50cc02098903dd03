import { type MessageErrorDetail, type MessageRecord, type StatusChangeEvent } from '../messages';
import { type Message } from './types/message.type';
import { type MessageError } from './types/message-error.type';
import { type MessageStatusEvent } from './types/message-status-event.type';

/** A message as GraphQL shows it. The record rides along for field resolvers (diagnosis) that need it whole. */
export type MessageView = Message & { record: MessageRecord };

export function toMessage(record: MessageRecord): MessageView {
  return {
    record,
    id: record.id,
    phoneNumberId: record.phoneNumberId,
    recipient: record.recipient ?? null,
    waId: record.waId ?? null,
    recipientUserId: record.recipientUserId ?? null,
    type: record.type,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    status: record.status,
    conflict: record.conflict,
    statusHistory: record.statusHistory.map((entry) => ({
      status: entry.status,
      timestamp: new Date(entry.timestamp),
      receivedAt: new Date(entry.receivedAt),
      errors: entry.errors.map(toMessageError),
      cursor: entry.cursor,
    })),
    errors: record.errors.map(toMessageError),
    conversation: record.conversation
      ? {
          id: record.conversation.id ?? null,
          expiresAt:
            record.conversation.expiresAt === undefined ? null : new Date(record.conversation.expiresAt),
          originType: record.conversation.originType ?? null,
        }
      : null,
    pricing: record.pricing ?? null,
  };
}

export function toMessageError(error: MessageErrorDetail): MessageError {
  return {
    code: error.code,
    title: error.title ?? null,
    message: error.message ?? null,
    details: error.details ?? null,
    href: error.href ?? null,
  };
}

export function toStatusEvent(event: StatusChangeEvent, record: MessageRecord): MessageStatusEvent {
  return {
    cursor: event.cursor,
    status: event.status,
    previousStatus: event.previousStatus,
    timestamp: new Date(event.timestamp),
    errors: event.errors.map(toMessageError),
    message: toMessage(record),
  };
}
