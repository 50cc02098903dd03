// Calls between the business and its customers, from the `calls` webhook field: the model, the port, and
// the in-process and Redis stores. Nothing else of `src/` reaches into this folder's files.
export {
  CallEventKind,
  customerNamesOfCall,
  type CallEventRecord,
  type CallParty,
  type CallPosition,
  type CallStore,
  type NewCallEvent,
} from './call-event';
export { MemoryCallStore, type CallEventListener } from './memory-call-store';
export { RedisCallStore, decodePublishedCallEvent, type RedisCallStoreOptions } from './redis-call-store';
