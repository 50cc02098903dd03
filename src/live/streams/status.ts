import {
  type MessageRecord,
  type MessageStore,
  type StatusBus,
  type StatusChangeEvent,
} from '../../messages';
import { type LiveEvents } from '../live-events';
import { type LiveFilter, type LiveSource, type LiveStream } from '../live-stream';

/** Which status events a subscriber wants; every field given must match. */
export interface StatusEventFilter {
  messageId?: string | null;
  /** The customer: E.164 with `+`, or a BSUID (a message named either way by the send or Meta matches). */
  recipient?: string | null;
  phoneNumberId?: string | null;
}

/** What a status subscription is rendered from: an event with the message as it stands after it. */
export interface StatusEventWithMessage {
  event: StatusChangeEvent;
  message: MessageRecord;
}

/** `messageStatusChanged` on the engine. */
export type StatusEvents = LiveEvents<StatusChangeEvent, StatusEventWithMessage, StatusEventFilter>;

export function matchesStatusFilter(event: StatusChangeEvent, filter: StatusEventFilter): boolean {
  return (
    (!filter.messageId || event.messageId === filter.messageId) &&
    (!filter.recipient ||
      event.recipient === filter.recipient ||
      event.recipientUserId === filter.recipient) &&
    (!filter.phoneNumberId || event.phoneNumberId === filter.phoneNumberId)
  );
}

export const statusEventFilter: LiveFilter<StatusChangeEvent, StatusEventFilter> = {
  matches: matchesStatusFilter,
  indexKeyOf(filter) {
    if (filter.messageId) return `m:${filter.messageId}`;
    if (filter.recipient) return `r:${filter.recipient}`;
    if (filter.phoneNumberId) return `p:${filter.phoneNumberId}`;
    return null;
  },
  indexKeysOf: (event) => [
    `m:${event.messageId}`,
    ...(event.recipient === undefined ? [] : [`r:${event.recipient}`]),
    ...(event.recipientUserId === undefined ? [] : [`r:${event.recipientUserId}`]),
    `p:${event.phoneNumberId}`,
  ],
};

/**
 * The status stream: the store's event stream for replays, the bus for live events (each carrying its
 * message record), the store's records for whatever came without one.
 */
export function statusEventSource(
  store: MessageStore,
  bus: StatusBus,
): LiveSource<StatusChangeEvent, StatusEventWithMessage> {
  return {
    listen: (listener) =>
      bus.subscribe((event, message) => listener(event, message === null ? null : { event, message })),
    readAfter: (cursor, limit) => store.readEventsAfter(cursor, limit),
    async load(events) {
      if (events.length === 0) return [];
      const records = await store.getMany([...new Set(events.map((event) => event.messageId))]);
      const byId = new Map<string, MessageRecord>();
      for (const record of records) if (record !== null) byId.set(record.id, record);
      return events.map((event) => {
        const message = byId.get(event.messageId);
        return message === undefined ? null : { event, message };
      });
    },
  };
}

export function statusStream(
  store: MessageStore,
  bus: StatusBus,
): LiveStream<StatusChangeEvent, StatusEventWithMessage, StatusEventFilter> {
  return { name: 'status', source: statusEventSource(store, bus), filter: statusEventFilter };
}
