import { type MessageErrorDetail, type StatusChangeEvent } from './message-record';
import { MessageStatus } from './message-status';

/** The only event version written today; readers drop (and log) any other. */
const STATUS_EVENT_VERSION = 1;

/**
 * The wire form of a status event, in the stream (field `e`, without `cursor`: the entry id is the
 * cursor) and on the pub/sub channel (with `cursor`). The Lua apply script writes this same shape.
 */
interface StatusEventWireV1 extends Omit<StatusChangeEvent, 'cursor'> {
  v: 1;
  cursor?: string;
}

/** Thrown by `decodeStatusEvent` for a payload this version of the gateway cannot read. */
export class StatusEventDecodeError extends Error {
  constructor(reason: string) {
    super(`Status event dropped: ${reason}`);
    this.name = 'StatusEventDecodeError';
  }
}

export function encodeStatusEvent(event: StatusChangeEvent, withCursor: boolean): string {
  const { cursor, ...rest } = event;
  const wire: StatusEventWireV1 = withCursor ? { v: 1, cursor, ...rest } : { v: 1, ...rest };
  return JSON.stringify(wire);
}

const STATUSES = new Set<string>(Object.values(MessageStatus));

/**
 * Decodes an event; `cursor` (the stream entry id) wins over one inside the payload. Throws
 * `StatusEventDecodeError` for an unknown version or a malformed payload.
 */
export function decodeStatusEvent(raw: string, cursor?: string): StatusChangeEvent {
  return decodeParsedEvent(parseEventJson(raw), cursor);
}

/** `JSON.parse`, failing as a `StatusEventDecodeError`. */
export function parseEventJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new StatusEventDecodeError('not JSON');
  }
}

/** `decodeStatusEvent` of an already parsed payload. */
export function decodeParsedEvent(parsed: unknown, cursor?: string): StatusChangeEvent {
  if (typeof parsed !== 'object' || parsed === null) throw new StatusEventDecodeError('not an object');
  const wire = parsed as Record<string, unknown>;
  if (wire.v !== STATUS_EVENT_VERSION) throw new StatusEventDecodeError(`unknown version ${String(wire.v)}`);
  const eventCursor = cursor ?? wire.cursor;
  const previousStatus = wire.previousStatus ?? null;
  if (
    typeof eventCursor !== 'string' ||
    typeof wire.messageId !== 'string' ||
    typeof wire.phoneNumberId !== 'string' ||
    !(wire.recipient === undefined || typeof wire.recipient === 'string') ||
    !(wire.recipientUserId === undefined || typeof wire.recipientUserId === 'string') ||
    !isStatus(wire.status) ||
    !isStatus(wire.effectiveStatus) ||
    !(previousStatus === null || isStatus(previousStatus)) ||
    typeof wire.timestamp !== 'number' ||
    typeof wire.receivedAt !== 'number'
  ) {
    throw new StatusEventDecodeError('missing or mistyped fields');
  }
  const event: StatusChangeEvent = {
    cursor: eventCursor,
    messageId: wire.messageId,
    phoneNumberId: wire.phoneNumberId,
    status: wire.status,
    previousStatus,
    effectiveStatus: wire.effectiveStatus,
    timestamp: wire.timestamp,
    receivedAt: wire.receivedAt,
    errors: asArray<MessageErrorDetail>(wire.errors),
  };
  if (typeof wire.recipient === 'string') event.recipient = wire.recipient;
  if (typeof wire.recipientUserId === 'string') event.recipientUserId = wire.recipientUserId;
  return event;
}

function isStatus(value: unknown): value is MessageStatus {
  return typeof value === 'string' && STATUSES.has(value);
}

/**
 * Redis's Lua cjson writes an empty table as `{}`: every list read back from Redis goes through here so
 * that an empty list is `[]` again.
 */
export function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
