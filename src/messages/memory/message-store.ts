import {
  type EpochMillis,
  type MessageRecord,
  type NewMessage,
  type StatusChangeEvent,
  type StatusUpdate,
} from '../message-record';
import {
  type ApplyOutcome,
  type MessageFilter,
  type MessagePage,
  type MessageStore,
  type RecordedSend,
} from '../message-store';
import { type MemoryEventLog } from './event-log';
import { matchesMessageFilter } from '../message-filter';
import { compareNewestFirst, decodePageCursor, encodePageCursor, type PagePosition } from '../page-cursor';
import {
  applySendToRecord,
  applyStatusToRecord,
  eventFromHistoryEntry,
  statusUpdateForSend,
  type AppliedStatus,
} from '../status-rules';

/**
 * The embedded store, used when no Redis is configured: one process, nothing survives a restart. It
 * follows the same rules and cursor formats as the Redis store (the contract suite runs against both).
 * Records are copied in and out, so callers can never change stored state by mutating a result.
 */
export class MemoryMessageStore implements MessageStore {
  private readonly records = new Map<string, MessageRecord>();
  private readonly inbound = new Map<string, EpochMillis>();

  constructor(private readonly log: MemoryEventLog) {}

  async recordSent(message: NewMessage, receivedAt: EpochMillis): Promise<RecordedSend> {
    const current = this.records.get(message.id) ?? null;
    const applied = applySendToRecord(current, message, receivedAt, this.log.peekCursor());
    if (applied === 'duplicate') {
      // The same send stored twice: answer with the event it produced the first time.
      const existing = current as MessageRecord;
      const { timestamp } = statusUpdateForSend(message);
      const entry = existing.statusHistory.find(
        (h) => h.status === message.status && h.timestamp === timestamp,
      );
      return {
        event: eventFromHistoryEntry(existing, entry ?? existing.statusHistory[0]),
        record: structuredClone(existing),
      };
    }
    this.commit(applied);
    return { event: structuredClone(applied.event), record: structuredClone(applied.record) };
  }

  async applyStatuses(updates: readonly StatusUpdate[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    return updates.map((update): ApplyOutcome => {
      const current = this.records.get(update.messageId) ?? null;
      const applied = applyStatusToRecord(current, update, receivedAt, this.log.peekCursor());
      if (applied === 'duplicate') return { kind: 'duplicate' };
      this.commit(applied);
      return { kind: 'applied', event: structuredClone(applied.event) };
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>> {
    return ids.map((id) => {
      const record = this.records.get(id);
      return record === undefined ? null : structuredClone(record);
    });
  }

  async list(filter: MessageFilter, first: number, after: string | null): Promise<MessagePage> {
    const position: PagePosition | null = after === null ? null : decodePageCursor(after);
    const matching = [...this.records.values()]
      .filter((r) => matchesMessageFilter(r, filter))
      .filter((r) => position === null || compareNewestFirst(position, r) < 0)
      .sort(compareNewestFirst);
    const page = matching.slice(0, Math.max(0, first));
    const hasNextPage = matching.length > page.length;
    const last = page[page.length - 1];
    return {
      records: page.map((r) => structuredClone(r)),
      endCursor: hasNextPage && last !== undefined ? encodePageCursor(last) : null,
      hasNextPage,
    };
  }

  async recordInbound(waId: string, phoneNumberId: string, timestamp: EpochMillis): Promise<void> {
    const key = `${phoneNumberId}\u0000${waId}`;
    const current = this.inbound.get(key);
    if (current === undefined || timestamp > current) this.inbound.set(key, timestamp);
  }

  async lastInboundAt(waId: string, phoneNumberId: string): Promise<EpochMillis | null> {
    return this.inbound.get(`${phoneNumberId}\u0000${waId}`) ?? null;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<StatusChangeEvent[]> {
    return this.log.readAfter(cursor, limit);
  }

  async ping(): Promise<void> {}

  private commit(applied: AppliedStatus): void {
    this.records.set(applied.record.id, applied.record);
    this.log.append(applied.event, applied.record);
  }
}
