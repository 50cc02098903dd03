import { type MessageRecord, type StatusChangeEvent } from './message-record';

/**
 * Told of every event, with the message as it stood right after it when the publisher sent it along
 * (null from a publisher that did not: read it from the store).
 */
export type StatusListener = (event: StatusChangeEvent, message: MessageRecord | null) => void;

/**
 * Live fan-out of status events to this gateway instance. Publishing is the store's job (it publishes in
 * the same atomic step that stores the event); the bus only delivers. Delivery is at most once: a
 * subscriber that must not miss anything replays the stream with `MessageStore.readEventsAfter`.
 */
export interface StatusBus {
  /** Starts delivering every event to `listener`; resolves once the subscription is active. */
  subscribe(listener: StatusListener): Promise<() => void>;
  /** Resolves when the bus is connected and subscribed. Used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
