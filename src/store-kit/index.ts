// What every store of the gateway shares, whatever it holds: times, cursors of durable streams and of
// pages, customer ids as stores key them, the retention default, the batching of a turn's writes, and the
// Redis pieces (connection options, the pub/sub channel, stream reads, Lua snippets, the definition of
// scripts and the checks of their replies). It imports no domain.
export { type EpochMillis } from './epoch-millis';
export { DEFAULT_RETENTION_MS } from './retention';
export { CursorAheadError, CursorExpiredError, InvalidCursorError } from './cursor-errors';
export {
  compareStreamCursors,
  eventCursorPosition,
  formatEventCursor,
  formatStreamCursor,
  mergeEventCursors,
  nextStreamCursor,
  parseEventCursor,
  parseStreamCursor,
  type EventCursor,
  type StreamCursor,
} from './stream-cursor';
export {
  InvalidPageCursorError,
  compareNewestFirst,
  decodePageCursor,
  encodePageCursor,
  type PagePosition,
} from './page-cursor';
export {
  customerIdProblem,
  customerKeyOf,
  isBusinessScopedUserId,
  MAX_CUSTOMER_ID_LENGTH,
  normaliseCustomerId,
} from './customer-id';
export { eventsAfter, StreamIds } from './memory-stream';
export { type RedisConnection } from './redis/connection';
export { recommendedClusterOptions, recommendedRedisOptions } from './redis/options';
export { RedisChannel } from './redis/channel';
export { readEntriesAfter, readStreamAfter, type StreamEntry, type StreamRead } from './redis/stream-reader';
export { BYTES_LESS_LUA, INDEX_UNDER_NAMES_LUA, NEWEST_ON_PAGE_LUA } from './redis/lua-snippets';
export {
  defineScripts,
  describeReply,
  type LuaScript,
  MalformedScriptReplyError,
  type PageReply,
  replyArray,
  replyPage,
  replyStringGroups,
  replyStrings,
  type ScriptArg,
  type ScriptCommands,
} from './redis/lua-script';
export { TurnBatcher } from './turn-batcher';
