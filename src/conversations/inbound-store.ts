import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { type EpochMillis } from '../store-kit';

/**
 * Where a page of a customer's inbound messages starts: strictly before `(timestamp, id)`, or, without
 * `id`, at `timestamp` and everything older.
 */
export interface InboundPosition {
  timestamp: EpochMillis;
  id?: string;
}

/** Inbound customer messages, with a durable stream of their arrival (the cursors of `messageReceived`). */
export interface InboundStore {
  /**
   * Stores messages not seen before (Meta redelivers: a wamid is stored once), indexes each under every
   * name of its sender, appends it to the inbound stream and publishes it, in one round trip. Answers the
   * events of the messages that were new.
   */
  record(messages: readonly InboundMessageRecord[]): Promise<InboundMessageEvent[]>;
  /**
   * Events strictly after `cursor` in the inbound stream, oldest first, at most `limit` (what
   * `messageReceived` replays). Throws the stream's cursor errors: malformed, expired, ahead.
   */
  readEventsAfter(cursor: string, limit: number): Promise<InboundMessageEvent[]>;
  /** Messages by wamid, aligned with `ids`; null for unknown ones. */
  getMany(ids: readonly string[]): Promise<Array<InboundMessageRecord | null>>;
  /**
   * Up to `limit` messages from a customer known by any of `customers` (E.164 numbers and BSUIDs), newest
   * first (timestamp, then wamid), starting at `position` (the newest when null), in one round trip.
   */
  listFrom(
    customers: readonly string[],
    limit: number,
    position: InboundPosition | null,
  ): Promise<InboundMessageRecord[]>;
}

/** The names a sender is indexed under: the number as E.164 and the BSUID. */
export function customerNamesOf(message: InboundMessageRecord): string[] {
  const names: string[] = [];
  if (message.from.waId !== undefined) names.push(`+${message.from.waId}`);
  if (message.from.userId !== undefined) names.push(message.from.userId);
  return names;
}

/** Whether a message is on the page that starts at `position`. */
export function isAtOrAfter(
  message: { timestamp: number; id: string },
  position: InboundPosition | null,
): boolean {
  if (position === null) return true;
  if (message.timestamp !== position.timestamp) return message.timestamp < position.timestamp;
  return position.id === undefined || message.id < position.id;
}
