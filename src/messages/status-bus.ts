import { type StatusChangeEvent } from './message-record';

export type StatusListener = (event: StatusChangeEvent) => void;

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
