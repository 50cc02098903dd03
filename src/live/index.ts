export {
  type LiveEvent,
  type LiveFilter,
  type LiveListener,
  type LiveSource,
  type LiveStream,
} from './live-stream';
export { LiveEvents, type LiveEventsOptions } from './live-events';
export { SubscriberTooSlowError } from './live-errors';
export { LiveFanout, type LiveFanoutOptions } from './engine/live-fanout';
export { type FanoutShape, type FanoutStats, type FanoutSubscriber } from './engine/fanout-subscriber';
export { type LiveRequest, type LiveTransport } from './graphql/transport';
export {
  subscribeLive,
  type LiveSubscribeRequest,
  type LiveSubscriptionOptions,
} from './graphql/subscribe-live';
export {
  matchesStatusFilter,
  statusStream,
  type StatusEventFilter,
  type StatusEvents,
  type StatusEventWithMessage,
} from './streams/status';
export { type CustomerEventFeed, type CustomerEventFilter } from './streams/customer-stream';
export { inboundStream, type InboundEvents, type InboundFeed } from './streams/inbound';
export {
  accountEventStream,
  type AccountEventFeed,
  type AccountEventFilter,
  type AccountEvents,
} from './streams/account-events';
export { callEventStream, type CallEventFeed, type CallEvents } from './streams/calls';
