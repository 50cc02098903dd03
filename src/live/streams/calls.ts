import { type CallEventRecord, type CallStore, customerNamesOfCall } from '../../calls';
import { type CustomerEventFeed, type CustomerEventFilter, customerEventStream } from './customer-stream';
import { type LiveEvents } from '../live-events';
import { type LiveStream } from '../live-stream';

export type CallEventFeed = CustomerEventFeed<CallEventRecord>;
/** `callEventReceived` on the engine. */
export type CallEvents = LiveEvents<CallEventRecord, CallEventRecord, CustomerEventFilter>;

/** `callEventReceived`: the events of calls with customers, on the live engine. */
export function callEventStream(
  store: CallStore,
  feed: CallEventFeed,
): LiveStream<CallEventRecord, CallEventRecord, CustomerEventFilter> {
  return customerEventStream<CallEventRecord>('call', store, feed, {
    phoneNumberIdOf: (event) => event.phoneNumberId,
    customerNamesOf: customerNamesOfCall,
  });
}
