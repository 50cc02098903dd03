export { LiveFanout, type LiveFanoutOptions } from './live-fanout';
export {
  type LiveEvent,
  type LiveFilter,
  type LiveListener,
  type LiveSource,
  type LiveStream,
} from './live-stream';
export { type FanoutShape, type FanoutStats, type FanoutSubscriber } from './fanout-subscriber';
export { type LiveRequest, type LiveTransport } from './live-transport';
export { subscribeLive, type LiveSubscribeRequest, type LiveSubscriptionOptions } from './live-subscription';
export { parseSince } from './client-errors';
export { StatusEvents, type StatusEventsOptions } from './status-events';
export {
  matchesStatusFilter,
  statusStream,
  type StatusEventFilter,
  type StatusEventWithMessage,
} from './status-stream';
export { LiveEvents, type LiveEventsOptions } from './live-events';
export { CustomerEvents, type CustomerEventFilter } from './customer-event-stream';
export {
  inboundStream,
  type InboundEventFilter,
  type InboundEvents,
  type InboundFeed,
} from './inbound-stream';
export { accountEventStream, type AccountEventFilter, type AccountEventFeed } from './account-event-stream';
export {
  callEventStream,
  type CallEventFeed,
  type CallEventFilter,
  type CallEvents,
} from './call-event-stream';
