export {
  matchesContactFilter,
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
} from './contact';
export { mergeSightings } from './merge-sightings';
export { MemoryContactStore } from './memory-contact-store';
export { RedisContactStore } from './redis-contact-store';
