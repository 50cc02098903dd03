import { createHash } from 'node:crypto';
import { type EpochMillis } from '../store-kit';

/** What an account event is about; one kind per webhook field, plus the gateway's own. */
export enum AccountEventKind {
  TEMPLATE_STATUS = 'TEMPLATE_STATUS',
  TEMPLATE_CATEGORY = 'TEMPLATE_CATEGORY',
  TEMPLATE_QUALITY = 'TEMPLATE_QUALITY',
  PHONE_NUMBER_QUALITY = 'PHONE_NUMBER_QUALITY',
  PHONE_NUMBER_NAME = 'PHONE_NUMBER_NAME',
  ACCOUNT_UPDATE = 'ACCOUNT_UPDATE',
  ACCOUNT_ALERT = 'ACCOUNT_ALERT',
  BUSINESS_CAPABILITY = 'BUSINESS_CAPABILITY',
  USER_PREFERENCE = 'USER_PREFERENCE',
  /** A part of a webhook the gateway could not read, kept whole; or an error Meta sent in `value.errors`. */
  WEBHOOK_ERROR = 'WEBHOOK_ERROR',
  SECURITY = 'SECURITY',
  OTHER = 'OTHER',
}

/** Meta's webhook fields and the kind of event each becomes; any other field is `OTHER`. */
const KIND_OF_FIELD: ReadonlyMap<string, AccountEventKind> = new Map([
  ['message_template_status_update', AccountEventKind.TEMPLATE_STATUS],
  ['template_category_update', AccountEventKind.TEMPLATE_CATEGORY],
  ['message_template_quality_update', AccountEventKind.TEMPLATE_QUALITY],
  ['phone_number_quality_update', AccountEventKind.PHONE_NUMBER_QUALITY],
  ['phone_number_name_update', AccountEventKind.PHONE_NUMBER_NAME],
  ['account_update', AccountEventKind.ACCOUNT_UPDATE],
  ['account_alerts', AccountEventKind.ACCOUNT_ALERT],
  ['business_capability_update', AccountEventKind.BUSINESS_CAPABILITY],
  ['user_preferences', AccountEventKind.USER_PREFERENCE],
  ['security', AccountEventKind.SECURITY],
]);

export function accountEventKindOf(field: string): AccountEventKind {
  return KIND_OF_FIELD.get(field) ?? AccountEventKind.OTHER;
}

/** An account event as it is recorded; the store gives it its cursor. */
export interface NewAccountEvent {
  kind: AccountEventKind;
  /** Meta's webhook `field` (`message_template_status_update`, …); `` when the part had none. */
  field: string;
  businessAccountId?: string;
  phoneNumberId?: string;
  /** When it happened by Meta's account (the change's timestamp when it has one, else when received). */
  timestamp: EpochMillis;
  receivedAt: EpochMillis;
  /** The change's `value` as Meta sent it; for a `WEBHOOK_ERROR`, `{ path, reason, raw }`. */
  payload: Record<string, unknown>;
}

export interface AccountEventRecord extends NewAccountEvent {
  /** Its place in the account event stream; a subscriber resumes after it, a page starts after it. */
  cursor: string;
}

export interface AccountEventPage {
  /** Newest first. */
  records: AccountEventRecord[];
  /** Pass as `after` for the next page; null when this page is the last. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Account events: a bounded, durable stream whose entry ids are the cursors. */
export interface AccountEventStore {
  /**
   * Appends the events of one webhook in order, in one round trip, and publishes each. An event already
   * appended within the last `ACCOUNT_EVENT_DEDUPE_MS` (Meta retried the body) is not appended again;
   * only the events appended are answered.
   */
  append(events: readonly NewAccountEvent[]): Promise<AccountEventRecord[]>;
  /** Newest first, only `kinds` when given, starting after the cursor `after`. */
  list(
    kinds: readonly AccountEventKind[] | null,
    first: number,
    after: string | null,
  ): Promise<AccountEventPage>;
  /**
   * Events strictly after `cursor`, oldest first, at most `limit` (what `accountEventReceived` replays).
   * Throws the stream's cursor errors: malformed, expired, ahead.
   */
  readEventsAfter(cursor: string, limit: number): Promise<AccountEventRecord[]>;
}

/** Thrown by `list` for an `after` that is not an account event cursor. */
export class InvalidAccountEventCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not an account event cursor.`);
    this.name = 'InvalidAccountEventCursorError';
  }
}

/** How long a retried webhook's events are recognised as already kept: Meta retries for up to 7 days. */
export const ACCOUNT_EVENT_DEDUPE_MS = 7 * 24 * 60 * 60 * 1000;

/** What makes two events the same delivery: everything Meta sent, not when the gateway received it. */
export function accountEventDigest(event: NewAccountEvent): string {
  return createHash('sha256')
    .update(
      JSON.stringify([event.kind, event.field, event.businessAccountId, event.phoneNumberId, event.payload]),
    )
    .digest('base64url');
}

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

export function assertAccountEventCursor(cursor: string): void {
  if (!STREAM_ID.test(cursor)) throw new InvalidAccountEventCursorError(cursor);
}
