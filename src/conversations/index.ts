export {
  InboundMessageType,
  type InboundLocation,
  type InboundMedia,
  type InboundMessageEvent,
  type InboundMessageRecord,
  type InboundReaction,
  type InboundReply,
  type InboundSender,
} from './inbound-message';
export { customerNamesOf, type InboundPosition, type InboundStore } from './inbound-store';
export { MemoryInboundStore, type InboundListener } from './memory-inbound-store';
export { RedisInboundStore, decodeInbound, decodePublishedInbound } from './redis-inbound-store';
export {
  ConversationService,
  customerNames,
  InvalidConversationCursorError,
  type ConversationEntry,
  type ConversationPage,
} from './conversation-service';
