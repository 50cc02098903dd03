import { type MessageErrorDetail } from '../messages';
import { type EpochMillis } from '../store-kit';

/** What a call event reports; Meta's own words are kept beside it in the record. */
export enum CallEventKind {
  /** `calls[].event: connect`: the call is being set up (a customer calls, or the business's call connects). */
  CONNECT = 'CONNECT',
  /** `statuses[]` of the `calls` field: a business-initiated call rings, or the customer took or refused it. */
  STATUS = 'STATUS',
  /** `calls[].event: terminate`: the call ended, completed or failed, with its times and errors. */
  TERMINATE = 'TERMINATE',
  /** An `event` word this gateway does not know yet (kept in `event` and `raw`). */
  UNKNOWN = 'UNKNOWN',
}

/** The customer of a call: the number, the BSUID, or both, as Meta named them. */
export interface CallParty {
  /** Digits, no `+`. */
  waId?: string;
  userId?: string;
}

/** One event of a call between the business and a customer, as stored. */
export interface NewCallEvent {
  /**
   * The event's id in the gateway: Meta's call id, the kind, Meta's word and time. Meta's redeliveries of
   * an event share it, so an event is stored once.
   */
  id: string;
  /** Meta's call id (`wacid.…`), shared by every event of one call. */
  callId: string;
  /** The business number of the call. */
  phoneNumberId: string;
  customer: CallParty;
  kind: CallEventKind;
  /** Meta's `event` word (`connect`, `terminate`), when it sent one (call statuses have none). */
  event?: string;
  /** Meta's status word: `RINGING`, `ACCEPTED`, `REJECTED` (statuses), `COMPLETED`, `FAILED` (terminate). */
  status?: string;
  /** Meta's `direction`: `BUSINESS_INITIATED` or `USER_INITIATED`, when it sent one. */
  direction?: string;
  /** Meta's time of the event. */
  timestamp: EpochMillis;
  receivedAt: EpochMillis;
  /** When the call was picked up (`start_time`), for a terminated call that was. */
  startedAt?: EpochMillis;
  /** When the call ended (`end_time`). */
  endedAt?: EpochMillis;
  /** How long the call lasted, in seconds (`duration`). */
  durationSeconds?: number;
  /** What went wrong, as Meta reported it for the call (e.g. 12455). */
  errors: MessageErrorDetail[];
  /** The tracker the business gave the call (`biz_opaque_callback_data`). */
  bizOpaqueCallbackData?: string;
  /** The call or status item as Meta sent it (the session's SDP included). */
  raw: Record<string, unknown>;
}

/** A stored call event with its place in the call event stream (a subscriber resumes after it). */
export interface CallEventRecord extends NewCallEvent {
  cursor: string;
}

/**
 * Where a page of a customer's call events starts: strictly before `(timestamp, id)`, or, without `id`, at
 * `timestamp` and everything older.
 */
export interface CallPosition {
  timestamp: EpochMillis;
  id?: string;
}

/** Call events, with a durable stream of their arrival (the cursors of `callEventReceived`). */
export interface CallStore {
  /**
   * Stores events not seen before (Meta redelivers: an event id is stored once), indexes each under every
   * name of its customer, appends it to the call event stream and publishes it, in one round trip. Answers
   * the events that were new, with their cursors. Rejects when the store cannot take them.
   */
  record(events: readonly NewCallEvent[]): Promise<CallEventRecord[]>;
  /**
   * Events strictly after `cursor` in the stream, oldest first, at most `limit` (what `callEventReceived`
   * replays). Throws the stream's cursor errors: malformed, expired, ahead.
   */
  readEventsAfter(cursor: string, limit: number): Promise<CallEventRecord[]>;
  /**
   * Up to `limit` events of a customer known by any of `customers` (E.164 numbers and BSUIDs), newest first
   * (timestamp, then id), starting at `position` (the newest when null), in one round trip.
   */
  listFor(
    customers: readonly string[],
    limit: number,
    position: CallPosition | null,
  ): Promise<CallEventRecord[]>;
}

/** The names a call's customer is indexed under: the number as E.164 and the BSUID. */
export function customerNamesOfCall(event: Pick<NewCallEvent, 'customer'>): string[] {
  const names: string[] = [];
  if (event.customer.waId !== undefined) names.push(`+${event.customer.waId}`);
  if (event.customer.userId !== undefined) names.push(event.customer.userId);
  return names;
}

/** Whether an event is on the page that starts at `position`. */
export function isOnCallPage(
  event: { timestamp: number; id: string },
  position: CallPosition | null,
): boolean {
  if (position === null) return true;
  if (event.timestamp !== position.timestamp) return event.timestamp < position.timestamp;
  return position.id === undefined || event.id < position.id;
}
