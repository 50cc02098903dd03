export {
  AccountEventKind,
  accountEventKindOf,
  InvalidAccountEventCursorError,
  type AccountEventPage,
  type AccountEventRecord,
  type AccountEventStore,
  type NewAccountEvent,
} from './account-event';
export {
  type AccountAlertChange,
  type AccountChange,
  type AccountRestriction,
  type AccountUpdateChange,
  type BusinessCapabilityChange,
  type OtherChange,
  type PhoneNumberNameChange,
  type PhoneNumberQualityChange,
  type SecurityChange,
  type TemplateCategoryChange,
  type TemplateQualityChange,
  type TemplateStatusChange,
  type UserPreference,
  type UserPreferencesChange,
  type WebhookErrorEvent,
} from './account-change';
export { readAccountChange, readAccountEvent } from './read-account-change';
export { MemoryAccountEventStore } from './memory-account-event-store';
export { RedisAccountEventStore, decodePublishedAccountEvent } from './redis-account-event-store';
