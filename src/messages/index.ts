export {
  type ConversationInfo,
  type EpochMillis,
  type MessageErrorDetail,
  type MessageRecord,
  type NewMessage,
  type PricingInfo,
  type StatusChangeEvent,
  type StatusHistoryEntry,
  type StatusUpdate,
} from './message-record';
export { MessageStatus } from './message-status';
export {
  CursorAheadError,
  CursorExpiredError,
  InvalidCursorError,
  type ApplyOutcome,
  type MessageFilter,
  type MessagePage,
  type MessageStore,
  type RecordedSend,
} from './message-store';
export { type StatusBus, type StatusListener } from './status-bus';
export {
  applySendToRecord,
  applyStatusToRecord,
  eventFromHistoryEntry,
  isDuplicateStatus,
  nextEffectiveStatus,
  statusRank,
  statusUpdateForSend,
  type AppliedStatus,
  type EffectiveState,
} from './status-rules';
export { isBusinessScopedUserId, normaliseCustomerId } from './customer-id';
export { matchesMessageFilter } from './message-filter';
export {
  InvalidPageCursorError,
  compareNewestFirst,
  decodePageCursor,
  encodePageCursor,
  type PagePosition,
} from './page-cursor';
export {
  compareStreamCursors,
  eventCursorCovers,
  eventCursorPosition,
  formatEventCursor,
  formatStreamCursor,
  mergeEventCursors,
  parseEventCursor,
  parseStreamCursor,
  type EventCursor,
  type StreamCursor,
} from './stream-cursor';
export {
  STATUS_EVENT_VERSION,
  StatusEventDecodeError,
  decodeStatusEvent,
  encodeStatusEvent,
  type StatusEventWireV1,
} from './status-event-codec';
export { createMessageKeys, MESSAGE_KEYS_HASH_TAG, type MessageKeys } from './keys';
export { MemoryMessageStore } from './memory-message-store';
export { MemoryStatusBus } from './memory-status-bus';
export { createMemoryMessaging, type MemoryMessagingOptions } from './memory-messaging';
export { RedisMessageStore } from './redis-message-store';
export { RedisStatusBus, type RedisStatusBusOptions } from './redis-status-bus';
export {
  DEFAULT_MESSAGE_RETENTION_MS,
  MessageTopic,
  StreamTrimMode,
  statusChannel,
  type RedisConnection,
  type RedisMessageStoreOptions,
} from './redis-message-store-options';
export { recommendedClusterOptions, recommendedRedisOptions } from './redis-options';
export { CLUSTER_PARTITION_COUNT, hashSlot, messagePartition, partitionHashTags } from './message-partitions';
export { redisMessageLayout, type RedisMessageLayout } from './redis-message-layout';
export { createRedisMessaging, type RedisMessagingConnections } from './redis-messaging';
export {
  checkIdempotencyStoreOptions,
  type IdempotencyClaim,
  type IdempotencyEntry,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
} from './idempotency-store';
export { MemoryIdempotencyStore, type MemoryIdempotencyStoreOptions } from './memory-idempotency-store';
export { RedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './redis-idempotency-store';
export {
  checkRateLimiterOptions,
  takeToken,
  takeTokens,
  type RateDecision,
  type SendRateLimiter,
  type SendRateLimiterOptions,
  type TokenGrant,
} from './send-rate-limiter';
export { MemorySendRateLimiter, type MemorySendRateLimiterOptions } from './memory-send-rate-limiter';
export { RedisSendRateLimiter, type RedisSendRateLimiterOptions } from './redis-send-rate-limiter';
