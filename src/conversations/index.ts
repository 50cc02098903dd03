export {
  InboundMessageType,
  type InboundCallPermissionReply,
  type InboundFlowReply,
  type InboundLocation,
  type InboundMedia,
  type InboundMessageEvent,
  type InboundMessageRecord,
  type InboundReaction,
  type InboundReply,
  type InboundSender,
  type JsonValue,
} from './inbound-message';
export { changeOf, type InboundChanges, withChanges } from './inbound-changes';
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
