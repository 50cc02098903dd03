import { AccountEventKind, type NewAccountEvent } from '../account-events';
import { type EpochMillis } from '../messages';
import { type WebhookPayload } from './webhook-payload';

/**
 * The account events a notification leaves: each part the gateway could not read, kept whole so that
 * nothing Meta sent is lost, and each error Meta reported for the account rather than one message.
 */
export function accountEventsOf(payload: WebhookPayload, receivedAt: EpochMillis): NewAccountEvent[] {
  const events: NewAccountEvent[] = [];
  for (const part of payload.unreadable) {
    events.push({
      kind: AccountEventKind.WEBHOOK_ERROR,
      field: part.field ?? '',
      ...(part.businessAccountId !== undefined && { businessAccountId: part.businessAccountId }),
      ...(part.phoneNumberId !== undefined && { phoneNumberId: part.phoneNumberId }),
      timestamp: receivedAt,
      receivedAt,
      payload: { path: part.path, reason: part.reason, raw: part.raw },
    });
  }
  for (const { path, phoneNumberId, ...error } of payload.accountErrors) {
    events.push({
      kind: AccountEventKind.WEBHOOK_ERROR,
      field: 'messages',
      phoneNumberId,
      timestamp: receivedAt,
      receivedAt,
      payload: { path, error },
    });
  }
  return events;
}
