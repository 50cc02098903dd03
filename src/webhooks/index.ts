export { SIGNATURE_HEADER, signBody, verifySignature, type SignatureCheck } from './signature';
export { verifySubscription, type SubscriptionCheck, type SubscriptionRefusal } from './verification';
export { parseWebhookPayload } from './webhook-payload';
export {
  MAX_REPORTED_NOTICES,
  MESSAGES_FIELD,
  WHATSAPP_BUSINESS_ACCOUNT_OBJECT,
  type AccountLevelError,
  type InboundMessage,
  type PayloadNotice,
  type UnreadablePart,
  type WebhookPayload,
} from './webhook-payload.types';
export { type StatusCount, type StatusOutcome, type WebhookEventCounts } from './webhook-counts';
export {
  createWebhookHandler,
  DEFAULT_WEBHOOK_BODY_LIMIT,
  type NotificationResponse,
  type VerificationResponse,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from './webhook-handler';
