// The message domain's public entry: the model, the ports, and the factories that build the in-process
// (`memory/`) and Redis (`redis/`) implementations. Nothing else of `src/` reaches into those folders.
export {
  type ConversationInfo,
  type EpochMillis,
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
export {
  CursorAheadError,
  CursorExpiredError,
  InvalidCursorError,
  type ApplyOutcome,
  type MessageFilter,
  type MessagePage,
  type MessageStore,
} from './message-store';
export { type StatusBus } from './status-bus';
export { type IdempotencyStore } from './idempotency-store';
export { type SendRateLimiter, type TokenGrant } from './send-rate-limiter';
export {
  customerIdProblem,
  customerKeyOf,
  isBusinessScopedUserId,
  MAX_CUSTOMER_ID_LENGTH,
  normaliseCustomerId,
} from './customer-id';
export {
  InvalidPageCursorError,
  compareNewestFirst,
  decodePageCursor,
  encodePageCursor,
} from './page-cursor';
export { compareStreamCursors, parseStreamCursor, type StreamCursor } from './stream-cursor';
export { createMemoryMessaging } from './memory/messaging';
export { MemoryIdempotencyStore } from './memory/idempotency-store';
export { MemorySendRateLimiter } from './memory/send-rate-limiter';
export { createRedisMessaging } from './redis/messaging';
export { RedisMessageStore } from './redis/message-store';
export { RedisIdempotencyStore } from './redis/idempotency-store';
export { RedisSendRateLimiter } from './redis/send-rate-limiter';
export { StreamTrimMode } from './redis/message-store-options';
export {
  recommendedClusterOptions,
  recommendedCommandConnectionOptions,
  recommendedRedisOptions,
} from './redis/options';
export { CLUSTER_PARTITION_COUNT } from './redis/partitions';
export { RedisChannel } from './redis/channel';
export { readEntriesAfter } from './redis/stream-reader';
export { eventsAfter, StreamIds } from './memory/stream';
export { BYTES_LESS_LUA, INDEX_UNDER_NAMES_LUA, NEWEST_ON_PAGE_LUA } from './redis/lua-snippets';
export { DEFAULT_MESSAGE_RETENTION_MS } from './redis/message-store-options';
