import { type CallEventRecord, type CallStore, customerNamesOfCall } from '../calls';
import {
  type CustomerEventFeed,
  type CustomerEventFilter,
  type CustomerEvents,
  customerEventStream,
} from './customer-event-stream';
import { type LiveStream } from './live-stream';

export type CallEventFilter = CustomerEventFilter;
export type CallEventFeed = CustomerEventFeed<CallEventRecord>;
/** `callEventReceived` on the engine. */
export type CallEvents = CustomerEvents<CallEventRecord>;

/** `callEventReceived`: the events of calls with customers, on the live engine. */
export function callEventStream(
  store: CallStore,
  feed: CallEventFeed,
): LiveStream<CallEventRecord, CallEventRecord, CallEventFilter> {
  return customerEventStream<CallEventRecord>('call', store, feed, {
    phoneNumberIdOf: (event) => event.phoneNumberId,
    customerNamesOf: customerNamesOfCall,
  });
}
