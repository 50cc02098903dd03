import { type MessageRecord, type NewEcho, type StatusUpdate } from './message-record';
import { MessageOrigin } from './message-origin';
import { MessageStatus } from './message-status';
import { type AppliedStatus, applyStatusToRecord, customerOf, isPlausibleTimestamp } from './status-rules';
import { type EpochMillis } from '../store-kit';

/**
 * The record fields an echo sets beyond those of a send; the Lua apply script copies exactly these from the
 * facts it is given (`apply-script.ts`), so that both stores keep the same record.
 */
export const ECHO_ONLY_FIELDS = [
  'origin',
  'text',
  'originalMessageId',
  'rawJson',
  'recipientParentUserId',
] as const satisfies ReadonlyArray<keyof MessageRecord>;

/** What an echo tells of its message: the facts a send would give, plus the echo's own fields. */
export type EchoFacts = Pick<
  MessageRecord,
  'phoneNumberId' | 'recipient' | 'waId' | 'recipientUserId' | 'type' | 'createdAt'
> &
  Pick<MessageRecord, (typeof ECHO_ONLY_FIELDS)[number]>;

/**
 * The status an echo stands for: `ACCEPTED` at Meta's time of the echo. Meta reports the message's own
 * statuses (`sent`, `delivered`, `read`) separately and never says `accepted`, so that a status Meta sends
 * at the same second is never mistaken for the echo, nor the echo for it.
 */
export function statusUpdateForEcho(echo: NewEcho): StatusUpdate {
  return {
    messageId: echo.id,
    status: MessageStatus.ACCEPTED,
    timestamp: echo.timestamp,
    phoneNumberId: echo.phoneNumberId,
    errors: [],
  };
}

/** The echo's facts, absent fields left out; an impossible time never becomes `createdAt` (see status-rules). */
export function echoFacts(echo: NewEcho, receivedAt: EpochMillis): EchoFacts {
  const facts: EchoFacts = {
    phoneNumberId: echo.phoneNumberId,
    type: echo.type,
    createdAt: isPlausibleTimestamp(echo.timestamp, receivedAt) ? echo.timestamp : receivedAt,
    origin: MessageOrigin.BUSINESS_APP,
    rawJson: echo.rawJson,
  };
  if (echo.recipient !== undefined) facts.recipient = echo.recipient;
  if (echo.waId !== undefined) facts.waId = echo.waId;
  if (echo.recipientUserId !== undefined) facts.recipientUserId = echo.recipientUserId;
  if (echo.recipientParentUserId !== undefined) facts.recipientParentUserId = echo.recipientParentUserId;
  if (echo.text !== undefined) facts.text = echo.text;
  if (echo.originalMessageId !== undefined) facts.originalMessageId = echo.originalMessageId;
  return facts;
}

/**
 * Whether an echo finds its message already stored with facts of its own: the same echo delivered again, or
 * (in principle) a send of the gateway's. Then nothing changes. A record made from status webhooks alone
 * (type `unknown`) takes the echo's facts, as it would a send's.
 */
export function isEchoOfStoredMessage(record: MessageRecord | null): boolean {
  return record !== null && (record.origin !== undefined || record.type !== 'unknown');
}

/**
 * Applies an echo (null: a new message), or answers `'duplicate'`. Pure; the Lua apply script does the same
 * with the facts of `echoFacts`, and the contract suite runs both.
 */
export function applyEchoToRecord(
  record: MessageRecord | null,
  echo: NewEcho,
  receivedAt: EpochMillis,
  cursor: string,
): AppliedStatus | 'duplicate' {
  if (isEchoOfStoredMessage(record)) return 'duplicate';
  const applied = applyStatusToRecord(record, statusUpdateForEcho(echo), receivedAt, cursor);
  if (applied === 'duplicate') return applied;
  const withEcho: MessageRecord = { ...applied.record, ...echoFacts(echo, receivedAt) };
  return {
    record: withEcho,
    event: { ...applied.event, phoneNumberId: echo.phoneNumberId, ...customerOf(withEcho) },
  };
}
