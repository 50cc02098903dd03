import { AccountEventKind, accountEventKindOf, type NewAccountEvent } from '../account-events';
import { withoutUndefined } from './json-fields';
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
    const value = isObject(change.value) ? change.value : { value: change.value };
    const phoneNumberId = phoneNumberIdOf(value);
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The business number a change is about, when its value names one (`metadata.phone_number_id`). */
function phoneNumberIdOf(value: Record<string, unknown>): string | undefined {
  const metadata = value['metadata'];
  if (!isObject(metadata)) return undefined;
  const id = metadata['phone_number_id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}
