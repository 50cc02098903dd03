import {
  type MessageRecord,
  type NewEcho,
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
import {
  applySendToRecord,
  applyStatusToRecord,
  eventFromHistoryEntry,
  statusUpdateForSend,
  type AppliedStatus,
} from '../status-rules';
import { applyEchoToRecord } from '../echo-rules';
import {
  type EpochMillis,
  customerKeyOf,
  compareNewestFirst,
  decodePageCursor,
  encodePageCursor,
  type PagePosition,
} from '../../store-kit';

export interface MemoryRetention {
  /** How long a message (and an inbound time) is kept after its last write, in ms. */
  retentionMs: number;
  now: () => number;
}

/** Expired entries are swept at most this often a retention (the reads hide them in between). */
const SWEEPS_PER_RETENTION = 16;

/**
 * The embedded store, used when no Redis is configured: one process, nothing survives a restart. It
 * follows the same rules and cursor formats as the Redis store (the contract suite runs against both).
 * Records are copied in and out, so callers can never change stored state by mutating a result.
 * Like Redis's, it forgets a message `retentionMs` after its last write (by `now`, as Redis's TTLs follow
 * its own clock): reads skip it at once, a sweep on write (at most every `retentionMs /
 * SWEEPS_PER_RETENTION`) frees its memory.
 */
export class MemoryMessageStore implements MessageStore {
  private readonly records = new Map<string, MessageRecord>();
  private readonly inbound = new Map<string, { at: EpochMillis; writtenAt: EpochMillis }>();
  /** When each record was last written, by `now`. */
  private readonly writtenAt = new Map<string, EpochMillis>();
  private nextSweepAt = 0;

  constructor(
    private readonly log: MemoryEventLog,
    private readonly retention: MemoryRetention = {
      retentionMs: 30 * 24 * 60 * 60 * 1000,
      now: Date.now,
    },
  ) {}

  async recordSent(message: NewMessage, receivedAt: EpochMillis): Promise<RecordedSend> {
    const current = this.live(message.id);
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
    const customer = customerKeyOf(message);
    return {
      event: structuredClone(applied.event),
      record: structuredClone(applied.record),
      ...(customer !== undefined && {
        customerLastInboundAt: await this.lastInboundAt(customer, message.phoneNumberId),
      }),
    };
  }

  async applyStatuses(updates: readonly StatusUpdate[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    return updates.map((update): ApplyOutcome => {
      const current = this.live(update.messageId);
      const applied = applyStatusToRecord(current, update, receivedAt, this.log.peekCursor());
      if (applied === 'duplicate') return { kind: 'duplicate' };
      this.commit(applied);
      return { kind: 'applied', event: structuredClone(applied.event) };
    });
  }

  async recordEchoes(echoes: readonly NewEcho[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    return echoes.map((echo): ApplyOutcome => {
      const applied = applyEchoToRecord(this.live(echo.id), echo, receivedAt, this.log.peekCursor());
      if (applied === 'duplicate') return { kind: 'duplicate' };
      this.commit(applied);
      return { kind: 'applied', event: structuredClone(applied.event) };
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>> {
    const cutoff = this.cutoff();
    return ids.map((id) => {
      const record = this.records.get(id);
      return record === undefined || this.isExpired(id, cutoff) ? null : structuredClone(record);
    });
  }

  async list(filter: MessageFilter, first: number, after: string | null): Promise<MessagePage> {
    const position: PagePosition | null = after === null ? null : decodePageCursor(after);
    const cutoff = this.cutoff();
    const matching = [...this.records.values()]
      .filter((r) => !this.isExpired(r.id, cutoff) && matchesMessageFilter(r, filter))
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
    if (current === undefined || current.writtenAt < this.cutoff() || timestamp > current.at) {
      this.inbound.set(key, { at: timestamp, writtenAt: this.retention.now() });
    }
    this.sweep();
  }

  async lastInboundAt(waId: string, phoneNumberId: string): Promise<EpochMillis | null> {
    const inbound = this.inbound.get(`${phoneNumberId}\u0000${waId}`);
    return inbound === undefined || inbound.writtenAt < this.cutoff() ? null : inbound.at;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<StatusChangeEvent[]> {
    return this.log.readAfter(cursor, limit);
  }

  async ping(): Promise<void> {}

  private commit(applied: AppliedStatus): void {
    this.records.set(applied.record.id, applied.record);
    this.writtenAt.set(applied.record.id, this.retention.now());
    this.log.append(applied.event, applied.record);
    this.sweep();
  }

  /** Records last written before this are expired. */
  private cutoff(): EpochMillis {
    return this.retention.now() - this.retention.retentionMs;
  }

  private sweep(): void {
    const now = this.retention.now();
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + Math.ceil(this.retention.retentionMs / SWEEPS_PER_RETENTION);
    const cutoff = this.cutoff();
    for (const id of this.records.keys()) {
      if (this.isExpired(id, cutoff)) {
        this.records.delete(id);
        this.writtenAt.delete(id);
      }
    }
    for (const [key, inbound] of this.inbound) if (inbound.writtenAt < cutoff) this.inbound.delete(key);
  }

  /** The record as Redis would have it: none once expired. */
  private live(id: string): MessageRecord | null {
    const record = this.records.get(id);
    return record === undefined || this.isExpired(id, this.cutoff()) ? null : record;
  }

  private isExpired(id: string, cutoff: EpochMillis): boolean {
    return (this.writtenAt.get(id) ?? -Infinity) < cutoff;
  }
}
