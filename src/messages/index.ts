// The message domain's public entry: the model, the ports, and the factories that build the in-process
// (`memory/`) and Redis (`redis/`) implementations. Nothing else of `src/` reaches into those folders.
export {
  type ConversationInfo,
  type MessageErrorDetail,
  type MessageRecord,
  type NewEcho,
  type NewMessage,
  type PricingInfo,
  type StatusChangeEvent,
  type StatusUpdate,
} from './message-record';
export { MessageStatus } from './message-status';
export { MessageOrigin } from './message-origin';
export { type ApplyOutcome, type MessageFilter, type MessagePage, type MessageStore } from './message-store';
export { type StatusBus } from './status-bus';
export { createMemoryMessaging } from './memory/messaging';
export { createRedisMessaging } from './redis/messaging';
export { RedisMessageStore } from './redis/message-store';
export { StreamTrimMode } from './redis/message-store-options';
export { recommendedCommandConnectionOptions } from './redis/command-connection-options';
export { CLUSTER_PARTITION_COUNT } from './redis/partitions';
