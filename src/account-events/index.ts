export {
  AccountEventKind,
  accountEventKindOf,
  InvalidAccountEventCursorError,
  type AccountEventPage,
  type AccountEventRecord,
  type AccountEventStore,
  type NewAccountEvent,
} from './account-event';
export { MemoryAccountEventStore } from './memory-account-event-store';
export { RedisAccountEventStore, decodePublishedAccountEvent } from './redis-account-event-store';
