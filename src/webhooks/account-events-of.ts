import {
  AccountEventKind,
  accountEventKindOf,
  type NewAccountEvent,
  readAccountChange,
} from '../account-events';
import { isJson, withoutUndefined } from './json-fields';
import { type WebhookPayload } from './webhook-payload.types';
import { type EpochMillis } from '../store-kit';

/**
 * The account events a notification leaves: every change of a field other than `messages`, `calls` and
 * `smb_message_echoes` (stored as messages and call events), each part the gateway could not read, kept
 * whole so that nothing Meta sent is lost, and each error Meta reported for the account rather than one
 * message.
 */
export function accountEventsOf(payload: WebhookPayload, receivedAt: EpochMillis): NewAccountEvent[] {
  const events: NewAccountEvent[] = [];
  for (const change of payload.accountChanges) {
    // Stored whole as Meta sent it (a value that is no object, wrapped); read only for what it is about.
    const value = isJson(change.value) ? change.value : { value: change.value };
    const { phoneNumberId } = readAccountChange(change.field, value);
    events.push(
      withoutUndefined<NewAccountEvent>({
        kind: accountEventKindOf(change.field),
        field: change.field,
        businessAccountId: change.businessAccountId,
        phoneNumberId,
        timestamp: change.time ?? receivedAt,
        receivedAt,
        payload: value,
      }),
    );
  }
  for (const part of payload.unreadable) {
    events.push(
      withoutUndefined<NewAccountEvent>({
        kind: AccountEventKind.WEBHOOK_ERROR,
        field: part.field ?? '',
        businessAccountId: part.businessAccountId,
        phoneNumberId: part.phoneNumberId,
        timestamp: receivedAt,
        receivedAt,
        payload: { path: part.path, reason: part.reason, raw: part.raw },
      }),
    );
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
