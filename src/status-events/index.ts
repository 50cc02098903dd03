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
export { InboundEvents, inboundStream, type InboundEventFilter, type InboundFeed } from './inbound-stream';
export { accountEventStream, type AccountEventFilter, type AccountEventFeed } from './account-event-stream';
export { CallEvents, callEventStream, type CallEventFeed, type CallEventFilter } from './call-event-stream';
