import {
  type MessageRecord,
  type NewEcho,
  type NewMessage,
  type StatusChangeEvent,
  type StatusUpdate,
} from './message-record';
import { type MessageStatus } from './message-status';
import { type EpochMillis } from '../store-kit';

/** A stored send: its first event and the message record it left. */
export interface RecordedSend {
  event: StatusChangeEvent;
  record: MessageRecord;
  /**
   * When the customer last wrote to the sending number (null: never, or longer ago than retention), read
   * in the same step as the send was stored; undefined when the store could not (ask `lastInboundAt`).
   */
  customerLastInboundAt?: EpochMillis | null;
}

/** What happened when one status update was applied. */
export type ApplyOutcome =
  /** Stored: history appended, effective status recomputed, event appended to the stream and published. */
  | { kind: 'applied'; event: StatusChangeEvent }
  /** The same (id, status, timestamp) was already stored: Meta retried. Nothing changed, nothing published. */
  | { kind: 'duplicate' };

export interface MessageFilter {
  status?: MessageStatus[];
  /** The customer: E.164 with `+`, or a BSUID (matches a message that Meta or the send named either way). */
  recipient?: string;
  phoneNumberId?: string;
  /** createdAt ≥ from */
  from?: EpochMillis;
  /** createdAt ≤ to */
  to?: EpochMillis;
}

export interface MessagePage {
  /** Newest first. */
  records: MessageRecord[];
  /** Opaque; pass as `after` for the next page. Null when this page is the last. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * The durable side of message state. Each method is one round trip to the backing store; every write
 * that changes a message also appends an event to the bounded stream and publishes it to the bus, in the
 * same atomic step, so that a status is never stored without its event nor published without being stored.
 */
export interface MessageStore {
  /**
   * Records an accepted send (status `ACCEPTED` or `HELD`) and emits its first event; answers with the event
   * and the record as stored, so that the caller needs no second round trip to show it.
   */
  recordSent(message: NewMessage, receivedAt: EpochMillis): Promise<RecordedSend>;
  /**
   * Applies webhook statuses in order, atomically each, in one round trip for the batch. Rejects (and
   * the webhook must then be answered 5xx) when the store cannot take them.
   */
  applyStatuses(updates: readonly StatusUpdate[], receivedAt: EpochMillis): Promise<ApplyOutcome[]>;
  /**
   * Stores messages the business sent from the WhatsApp Business app (echoes), in order, atomically each,
   * in one round trip: each becomes an outbound message of its customer, `ACCEPTED` at the echo's time, and
   * its event goes to the stream and the bus like a send's. An echo whose wamid is already stored with
   * facts of its own (Meta retried it) is a `duplicate`; one whose message only statuses had shown fills it
   * in. Rejects (the webhook is then answered 5xx) when the store cannot take them.
   */
  recordEchoes(echoes: readonly NewEcho[], receivedAt: EpochMillis): Promise<ApplyOutcome[]>;
  /** Records, aligned with `ids`, in one round trip; null for unknown ids. */
  getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>>;
  /**
   * Newest first (createdAt, then id), filtered, paginated, in one round trip. Throws
   * `InvalidPageCursorError` for an `after` it did not produce. A page may come back shorter than
   * `first` (with `hasNextPage`) when a rare filter made the store stop its walk early.
   */
  list(filter: MessageFilter, first: number, after: string | null): Promise<MessagePage>;
  /** Remembers the latest time a customer wrote to a business number (opens the 24-hour window). */
  recordInbound(waId: string, phoneNumberId: string, timestamp: EpochMillis): Promise<void>;
  /** The latest inbound time recorded for the pair, or null. */
  lastInboundAt(waId: string, phoneNumberId: string): Promise<EpochMillis | null>;
  /**
   * Events strictly after `cursor`, oldest first, at most `limit`. Throws `CursorExpiredError` when the
   * stream was trimmed and the cursor is older than the oldest event it still keeps (events after the
   * cursor may be gone), `CursorAheadError` when it is past the newest event ever appended,
   * `InvalidCursorError` for a malformed one. `0-0` reads from the beginning.
   */
  readEventsAfter(cursor: string, limit: number): Promise<StatusChangeEvent[]>;
  /** Resolves when the store answers; rejects otherwise. Used by `/readyz`. */
  ping(): Promise<void>;
}
