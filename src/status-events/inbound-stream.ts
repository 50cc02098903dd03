import { customerNamesOf, type InboundMessageEvent, type InboundStore } from '../conversations';
import {
  type CustomerEventFeed,
  type CustomerEventFilter,
  type CustomerEvents,
  customerEventStream,
} from './customer-event-stream';
import { type LiveStream } from './live-stream';

export type InboundEventFilter = CustomerEventFilter;
export type InboundFeed = CustomerEventFeed<InboundMessageEvent>;
/** `messageReceived` on the engine. */
export type InboundEvents = CustomerEvents<InboundMessageEvent>;

/** `messageReceived`: the messages customers write, on the live engine. */
export function inboundStream(
  store: InboundStore,
  feed: InboundFeed,
): LiveStream<InboundMessageEvent, InboundMessageEvent, InboundEventFilter> {
  return customerEventStream('message', store, feed, {
    phoneNumberIdOf: (event) => event.message.phoneNumberId,
    customerNamesOf: (event) => customerNamesOf(event.message),
  });
}
