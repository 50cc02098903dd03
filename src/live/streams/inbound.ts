import { customerNamesOf, type InboundMessageEvent, type InboundStore } from '../../conversations';
import { type CustomerEventFeed, type CustomerEventFilter, customerEventStream } from './customer-stream';
import { type LiveEvents } from '../live-events';
import { type LiveStream } from '../live-stream';

export type InboundFeed = CustomerEventFeed<InboundMessageEvent>;
/** `messageReceived` on the engine. */
export type InboundEvents = LiveEvents<InboundMessageEvent, InboundMessageEvent, CustomerEventFilter>;

/** `messageReceived`: the messages customers write, on the live engine. */
export function inboundStream(
  store: InboundStore,
  feed: InboundFeed,
): LiveStream<InboundMessageEvent, InboundMessageEvent, CustomerEventFilter> {
  return customerEventStream('message', store, feed, {
    phoneNumberIdOf: (event) => event.message.phoneNumberId,
    customerNamesOf: (event) => customerNamesOf(event.message),
  });
}
