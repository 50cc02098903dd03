import { type Logger } from '../../observability';
import { MemoryEventLog } from './event-log';
import { MemoryMessageStore } from './message-store';
import { MemoryStatusBus } from './status-bus';
import { DEFAULT_RETENTION_MS } from '../../store-kit';

export interface MemoryMessagingOptions {
  /** Events kept for replay with `since`; older ones are trimmed exactly. Default 100,000. */
  streamMaxLength?: number;
  /** Logs a subscriber that threw (the event is still stored and delivered to the others). */
  logger?: Logger;
  /** The clock of event cursors and of retention (epoch millis). Default `Date.now`. */
  now?: () => number;
  /** How long a message is kept after its createdAt, in ms (`MESSAGE_RETENTION_DAYS`). Default 30 days. */
  retentionMs?: number;
}

/** The embedded store and bus (used when no Redis is configured), sharing one event log. */
export function createMemoryMessaging(options: MemoryMessagingOptions = {}): {
  store: MemoryMessageStore;
  bus: MemoryStatusBus;
} {
  const maxLength = options.streamMaxLength ?? 100_000;
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new Error(`streamMaxLength must be a positive integer, got ${String(maxLength)}.`);
  }
  const logger = options.logger;
  const log = new MemoryEventLog(maxLength, options.now ?? Date.now, (error) =>
    logger?.error({ err: error }, 'A status subscriber threw; the event was still delivered to the others.'),
  );
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  if (!Number.isSafeInteger(retentionMs) || retentionMs < 1) {
    throw new Error(`retentionMs must be a positive integer, got ${String(retentionMs)}.`);
  }
  return {
    store: new MemoryMessageStore(log, { retentionMs, now: options.now ?? Date.now }),
    bus: new MemoryStatusBus(log),
  };
}
