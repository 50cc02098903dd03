export { IdempotentSender, type IdempotentSenderOptions } from './idempotent-sender';
export { MessageSender, type MessageSenderOptions } from './message-sender';
export { MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH, characterCount, type ContentKind } from './message-content';
export { RateLimitedSender, type RateLimitedSenderOptions } from './rate-limited-sender';
export { isBusinessScopedUserId, parseRecipient, recipientKey, type Recipient } from './recipient';
export { MAX_IDEMPOTENCY_KEY_LENGTH, parseSendCommand, type SendCommand } from './send-command';
export { hashSendCommand, stableJson } from './send-command-hash';
export {
  IdempotencyKeyBusyError,
  IdempotencyKeyReusedError,
  InvalidSendInputError,
  NoMessageIdError,
  SendError,
  SendErrorKind,
  SendOutcomeUnknownError,
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
export { type SendRejection } from './send-rejection';
export { isWamid } from './wamid';
