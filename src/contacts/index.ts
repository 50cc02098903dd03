export {
  matchesContactFilter,
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
} from './contact';
export { MemoryContactStore } from './memory-contact-store';
export { RedisContactStore } from './redis-contact-store';
