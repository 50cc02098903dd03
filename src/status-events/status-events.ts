import { type MessageStore, type StatusBus, type StatusChangeEvent } from '../messages';
import { LiveEvents, type LiveEventsOptions } from './live-events';
import { statusStream, type StatusEventFilter, type StatusEventWithMessage } from './status-stream';

export interface StatusEventsOptions extends Omit<
  LiveEventsOptions<StatusChangeEvent, StatusEventWithMessage, StatusEventFilter>,
  'stream'
> {
  store: MessageStore;
  bus: StatusBus;
}

/** `messageStatusChanged`: the status stream on the live engine. */
export class StatusEvents extends LiveEvents<StatusChangeEvent, StatusEventWithMessage, StatusEventFilter> {
  constructor({ store, bus, ...options }: StatusEventsOptions) {
    super({ ...options, stream: statusStream(store, bus) });
  }
}
