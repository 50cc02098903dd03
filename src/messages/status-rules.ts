import {
  type MessageRecord,
  type NewMessage,
  type StatusChangeEvent,
  type StatusHistoryEntry,
  type StatusUpdate,
} from './message-record';
import { MessageStatus } from './message-status';
import { type EpochMillis } from '../store-kit';

/**
 * The progress rank of each status. Progress only moves up: a late or repeated lower status never
 * regresses the effective one. `PLAYED` sits above `READ` because a played voice message was also read,
 * so whichever arrives last, the more specific one is kept.
 *
 * `FAILED`, `DELETED` and `WARNING` have no place on the ladder (`null`): `FAILED` wins only while nothing
 * reached `DELIVERED` (Meta: with several devices, one may fail while another receives it), and
 * `DELETED`/`WARNING` are informational: kept in the history and published, never the effective status
 * unless nothing else is known about the message.
 *
 * The Lua apply script (`redis/apply-script.ts`) takes its ranks from this table (`redis/lua-status-ranks.ts`)
 * and mirrors `nextEffectiveStatus`; the contract suite runs the same sequences against both.
 */
export function statusRank(status: MessageStatus): number | null {
  switch (status) {
    case MessageStatus.ACCEPTED:
    case MessageStatus.HELD:
      return 0;
    case MessageStatus.SENT:
      return 1;
    case MessageStatus.DELIVERED:
      return 2;
    case MessageStatus.READ:
      return 3;
    case MessageStatus.PLAYED:
      return 4;
    case MessageStatus.FAILED:
    case MessageStatus.DELETED:
    case MessageStatus.WARNING:
      return null;
    default:
      return unreachable(status);
  }
}

/** WhatsApp began in 2009: a status timestamp before it is a broken clock or field, not a time. */
export const EARLIEST_PLAUSIBLE_TIMESTAMP_MS = Date.UTC(2009, 0, 1);
/** How far ahead of the gateway's clock Meta's timestamp may be (clock skew) and still be believed. */
export const FUTURE_TIMESTAMP_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether Meta's timestamp of a status received at `receivedAt` can be a real time. One that cannot is
 * still kept in the history (it is what Meta sent), but never becomes a record's `createdAt`, which
 * orders `messages`: one such status would otherwise pin its message to the end or the top of every list.
 * The Lua apply script applies the same bounds.
 */
export function isPlausibleTimestamp(timestamp: EpochMillis, receivedAt: EpochMillis): boolean {
  return (
    timestamp >= EARLIEST_PLAUSIBLE_TIMESTAMP_MS && timestamp <= receivedAt + FUTURE_TIMESTAMP_TOLERANCE_MS
  );
}

/** The rank from which a message counts as received by at least one device. */
const DELIVERED_RANK = 2;

export interface EffectiveState {
  status: MessageStatus;
  conflict: boolean;
}

/** The effective status and conflict flag after `incoming`, given the current state (null: a new record). */
export function nextEffectiveStatus(current: EffectiveState | null, incoming: MessageStatus): EffectiveState {
  if (current === null) return { status: incoming, conflict: false };
  const keep = current;
  const currentRank = statusRank(current.status);
  switch (incoming) {
    case MessageStatus.DELETED:
    case MessageStatus.WARNING:
      return keep;
    case MessageStatus.FAILED:
      if (current.status === MessageStatus.FAILED) return keep;
      if (currentRank !== null && currentRank >= DELIVERED_RANK)
        return { status: current.status, conflict: true };
      return { status: MessageStatus.FAILED, conflict: current.conflict };
    case MessageStatus.ACCEPTED:
    case MessageStatus.HELD:
    case MessageStatus.SENT:
    case MessageStatus.DELIVERED:
    case MessageStatus.READ:
    case MessageStatus.PLAYED: {
      const incomingRank = statusRank(incoming) ?? 0;
      if (current.status === MessageStatus.FAILED) {
        return incomingRank >= DELIVERED_RANK ? { status: incoming, conflict: true } : keep;
      }
      // Only DELETED/WARNING were known so far: any progress status says more.
      if (currentRank === null || incomingRank > currentRank) {
        return { status: incoming, conflict: current.conflict };
      }
      return keep;
    }
    default:
      return unreachable(incoming);
  }
}

/** True when the record already holds this exact (status, Meta timestamp): Meta retried the webhook. */
function isDuplicateStatus(record: MessageRecord | null, update: StatusUpdate): boolean {
  if (record === null) return false;
  return record.statusHistory.some((h) => h.status === update.status && h.timestamp === update.timestamp);
}

export interface AppliedStatus {
  record: MessageRecord;
  event: StatusChangeEvent;
}

/**
 * Applies one status to a record (null: unknown wamid, the record is created from the webhook) and
 * returns the new record and its event, or `'duplicate'`. Pure: the input record is not modified.
 *
 * History stays ordered by Meta's timestamp, then arrival; `errors` accumulates the errors of every
 * `failed` status in arrival order; conversation and pricing keep the latest non-empty value received.
 */
export function applyStatusToRecord(
  record: MessageRecord | null,
  update: StatusUpdate,
  receivedAt: EpochMillis,
  cursor: string,
): AppliedStatus | 'duplicate' {
  if (isDuplicateStatus(record, update)) return 'duplicate';
  const base = record ?? recordFromWebhook(update, receivedAt);
  const next = nextEffectiveStatus(
    record ? { status: record.status, conflict: record.conflict } : null,
    update.status,
  );
  const entry: StatusHistoryEntry = {
    status: update.status,
    timestamp: update.timestamp,
    receivedAt,
    errors: update.errors.map((e) => ({ ...e })),
    cursor,
  };
  const history = base.statusHistory.map((h) => ({ ...h, errors: h.errors.map((e) => ({ ...e })) }));
  let at = history.length;
  while (at > 0 && history[at - 1].timestamp > update.timestamp) at -= 1;
  history.splice(at, 0, entry);

  const updated: MessageRecord = {
    ...base,
    ...identityLearnedFrom(base, update),
    status: next.status,
    conflict: next.conflict,
    statusHistory: history,
    errors:
      update.status === MessageStatus.FAILED
        ? [...base.errors, ...update.errors.map((e) => ({ ...e }))]
        : base.errors.map((e) => ({ ...e })),
    updatedAt: receivedAt,
  };
  keepParticipantOf(updated, update);
  if (isNonEmpty(update.conversation)) updated.conversation = { ...update.conversation };
  if (isNonEmpty(update.pricing)) updated.pricing = { ...update.pricing };

  const event: StatusChangeEvent = {
    cursor,
    messageId: updated.id,
    phoneNumberId: updated.phoneNumberId,
    ...customerOf(updated),
    status: update.status,
    previousStatus: record ? record.status : null,
    effectiveStatus: next.status,
    timestamp: update.timestamp,
    receivedAt,
    errors: entry.errors.map((e) => ({ ...e })),
  };
  return { record: updated, event };
}

/** The status update a send stands for: its `ACCEPTED`/`HELD` at the send's creation time. */
export function statusUpdateForSend(message: NewMessage): StatusUpdate {
  return {
    messageId: message.id,
    status: message.status,
    // Meta's status timestamps have whole seconds; the send's own is cut to the same resolution so that a
    // `sent` in the same second sorts after it by arrival instead of before it by milliseconds.
    timestamp: Math.floor(message.createdAt / 1000) * 1000,
    phoneNumberId: message.phoneNumberId,
    errors: [],
  };
}

/**
 * Applies a send. When a webhook got there first (the record exists), the send's own facts (recipient as
 * the caller gave it, content type, creation time) replace the ones guessed from the webhook, and the
 * effective status is kept by the usual rules.
 */
export function applySendToRecord(
  record: MessageRecord | null,
  message: NewMessage,
  receivedAt: EpochMillis,
  cursor: string,
): AppliedStatus | 'duplicate' {
  const applied = applyStatusToRecord(record, statusUpdateForSend(message), receivedAt, cursor);
  if (applied === 'duplicate') return applied;
  const withSend: MessageRecord = {
    ...applied.record,
    ...sendIdentity(applied.record, message),
    phoneNumberId: message.phoneNumberId,
    type: message.type,
    createdAt: message.createdAt,
  };
  return {
    record: withSend,
    event: { ...applied.event, phoneNumberId: message.phoneNumberId, ...customerOf(withSend) },
  };
}

/** Rebuilds the event of a stored history entry (used when a send is repeated and found already stored). */
export function eventFromHistoryEntry(record: MessageRecord, entry: StatusHistoryEntry): StatusChangeEvent {
  return {
    cursor: entry.cursor,
    messageId: record.id,
    phoneNumberId: record.phoneNumberId,
    ...customerOf(record),
    status: entry.status,
    previousStatus: null,
    effectiveStatus: record.status,
    timestamp: entry.timestamp,
    receivedAt: entry.receivedAt,
    errors: entry.errors.map((e) => ({ ...e })),
  };
}

/** The customer fields an event carries: whichever of the number and the BSUID the record knows. */
export function customerOf(record: MessageRecord): Pick<StatusChangeEvent, 'recipient' | 'recipientUserId'> {
  const customer: Pick<StatusChangeEvent, 'recipient' | 'recipientUserId'> = {};
  if (record.recipient !== undefined) customer.recipient = record.recipient;
  if (record.recipientUserId !== undefined) customer.recipientUserId = record.recipientUserId;
  return customer;
}

/**
 * Who the message went to, as far as this status tells and the record does not know yet: Meta may name the
 * customer by number, by BSUID or both, and a later status may show what an earlier one left out. A group
 * status names the group in `recipient_id`, which is then no phone number.
 */
function identityLearnedFrom(record: MessageRecord, update: StatusUpdate): Partial<MessageRecord> {
  const learned: Partial<MessageRecord> = {};
  const isGroup = update.recipientType === 'group' || record.recipientType === 'group';
  if (update.recipientType !== undefined && record.recipientType === undefined)
    learned.recipientType = update.recipientType;
  if (update.recipientId !== undefined) {
    if (isGroup) {
      if (record.groupId === undefined) learned.groupId = update.recipientId;
    } else if (record.waId === undefined) {
      learned.waId = update.recipientId;
      learned.recipient = `+${update.recipientId}`;
    }
  }
  if (update.recipientUserId !== undefined && record.recipientUserId === undefined)
    learned.recipientUserId = update.recipientUserId;
  if (update.recipientParentUserId !== undefined && record.recipientParentUserId === undefined)
    learned.recipientParentUserId = update.recipientParentUserId;
  return learned;
}

/** The fields that name a group's participant; the apply script (apply-script.ts) keeps the same ones. */
const PARTICIPANT_FIELDS = [
  'recipientParticipantId',
  'recipientParticipantUserId',
  'recipientParticipantParentUserId',
] as const;

/**
 * In a group each status is about one participant, named by number, BSUID or both as Meta knows them. A
 * status that names a participant replaces the one kept, whole: one participant's number must never be
 * shown beside another's BSUID.
 */
function keepParticipantOf(record: MessageRecord, update: StatusUpdate): void {
  if (PARTICIPANT_FIELDS.every((field) => update[field] === undefined)) return;
  for (const field of PARTICIPANT_FIELDS) {
    const value = update[field];
    if (value === undefined) delete record[field];
    else record[field] = value;
  }
}

/** The send's own naming of the customer wins; what webhooks taught about the other identity is kept. */
function sendIdentity(record: MessageRecord, message: NewMessage): Partial<MessageRecord> {
  const identity: Partial<MessageRecord> = {};
  if (message.recipient !== undefined) identity.recipient = message.recipient;
  if (message.waId !== undefined) identity.waId = message.waId;
  if (message.recipientUserId !== undefined) identity.recipientUserId = message.recipientUserId;
  else if (record.recipientUserId !== undefined) identity.recipientUserId = record.recipientUserId;
  return identity;
}

function recordFromWebhook(update: StatusUpdate, receivedAt: EpochMillis): MessageRecord {
  return {
    id: update.messageId,
    phoneNumberId: update.phoneNumberId,
    type: 'unknown',
    // Meta's time of the first status we hear of is the closest to the send we will ever know; when it
    // cannot be a real time, the moment it arrived is the next closest.
    createdAt: isPlausibleTimestamp(update.timestamp, receivedAt) ? update.timestamp : receivedAt,
    status: update.status,
    conflict: false,
    statusHistory: [],
    errors: [],
    updatedAt: update.timestamp,
  };
}

function isNonEmpty(value: object | undefined): value is object {
  return value !== undefined && value !== null && Object.keys(value).length > 0;
}

function unreachable(value: never): never {
  throw new Error(`Unhandled message status: ${String(value)}`);
}
