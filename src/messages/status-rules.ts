import {
  type EpochMillis,
  type MessageRecord,
  type NewMessage,
  type StatusChangeEvent,
  type StatusHistoryEntry,
  type StatusUpdate,
} from './message-record';
import { MessageStatus } from './message-status';

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
 * The Lua apply script (`redis-apply-script.ts`) mirrors this table and `nextEffectiveStatus`; the
 * contract suite runs the same sequences against both.
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
export function isDuplicateStatus(record: MessageRecord | null, update: StatusUpdate): boolean {
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
  const base = record ?? recordFromWebhook(update);
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
    status: next.status,
    conflict: next.conflict,
    statusHistory: history,
    errors:
      update.status === MessageStatus.FAILED
        ? [...base.errors, ...update.errors.map((e) => ({ ...e }))]
        : base.errors.map((e) => ({ ...e })),
    updatedAt: receivedAt,
  };
  if (isNonEmpty(update.conversation)) updated.conversation = { ...update.conversation };
  if (isNonEmpty(update.pricing)) updated.pricing = { ...update.pricing };

  const event: StatusChangeEvent = {
    cursor,
    messageId: updated.id,
    phoneNumberId: updated.phoneNumberId,
    // A customer known only by BSUID has no number to name here yet.
    recipient: updated.recipient ?? '',
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
    // Only used when no record exists yet; the send's own facts replace what it gives.
    recipientId: message.waId ?? '',
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
  const { recipient: _recipient, waId: _waId, recipientUserId: _userId, ...rest } = applied.record;
  const withSend: MessageRecord = {
    ...rest,
    phoneNumberId: message.phoneNumberId,
    ...(message.recipient !== undefined && { recipient: message.recipient }),
    ...(message.waId !== undefined && { waId: message.waId }),
    ...(message.recipientUserId !== undefined && { recipientUserId: message.recipientUserId }),
    type: message.type,
    createdAt: message.createdAt,
  };
  return {
    record: withSend,
    event: { ...applied.event, phoneNumberId: message.phoneNumberId, recipient: message.recipient ?? '' },
  };
}

/** Rebuilds the event of a stored history entry (used when a send is repeated and found already stored). */
export function eventFromHistoryEntry(record: MessageRecord, entry: StatusHistoryEntry): StatusChangeEvent {
  return {
    cursor: entry.cursor,
    messageId: record.id,
    phoneNumberId: record.phoneNumberId,
    recipient: record.recipient ?? '',
    status: entry.status,
    previousStatus: null,
    effectiveStatus: record.status,
    timestamp: entry.timestamp,
    receivedAt: entry.receivedAt,
    errors: entry.errors.map((e) => ({ ...e })),
  };
}

function recordFromWebhook(update: StatusUpdate): MessageRecord {
  return {
    id: update.messageId,
    phoneNumberId: update.phoneNumberId,
    recipient: `+${update.recipientId}`,
    waId: update.recipientId,
    type: 'unknown',
    // Meta's time of the first status we hear of is the closest to the send we will ever know.
    createdAt: update.timestamp,
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
