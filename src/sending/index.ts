export { IdempotentSender, type IdempotentSenderOptions } from './idempotent-sender';
export { MessageSender, type MessageSenderOptions } from './message-sender';
export { characterCount } from './message-content';
export { RateLimitedSender, type RateLimitedSenderOptions } from './rate-limited-sender';
export { describeRecipient, parseRecipient, type Recipient } from './recipient';
export { parseSendCommand, type SendCommand } from './send-command';
export { hashSendCommand, stableJson } from './send-command-hash';
export {
  InvalidSendInputError,
  SendErrorKind,
  SendRateLimitedError,
  isSendError,
  type AnySendError,
} from './send-errors';
export {
  type MediaFields,
  type ReactionFields,
  type SendMessageFields,
  type TemplateFields,
  type TextFields,
} from './send-fields';
export { type SendHandler, type SendOutcome } from './send-outcome';
export { detectorOf, type RejectionDetector, type SendRejection } from './send-rejection';
export { isWamid } from './wamid';
export { ServiceWindowCheck } from './service-window-check';
export { SenderThroughput } from './sender-throughput';
export { type IdempotencyStore } from './idempotency-store';
export { type SendRateLimiter, type TokenGrant } from './send-rate-limiter';
export { MemoryIdempotencyStore } from './memory/idempotency-store';
export { MemorySendRateLimiter } from './memory/send-rate-limiter';
export { RedisIdempotencyStore } from './redis/idempotency-store';
export { RedisSendRateLimiter } from './redis/send-rate-limiter';
export { composeSendHandler } from './compose';
