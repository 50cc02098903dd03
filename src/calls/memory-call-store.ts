import {
  type CallEventRecord,
  type CallPosition,
  type CallStore,
  customerNamesOfCall,
  isOnCallPage,
  type NewCallEvent,
} from './call-event';
import { compareNewestFirst, DEFAULT_RETENTION_MS, eventsAfter, StreamIds } from '../store-kit';

/** Listens to every new call event of the embedded store (the in-process stand-in for pub/sub). */
export type CallEventListener = (event: CallEventRecord) => void;

/**
 * The embedded store's call events, in process memory: the newest `maxLength` kept, none stored more than
 * `retentionMs` ago by `now` (reads hide them at once, a write frees them). Cursors are made like Redis's.
 */
export class MemoryCallStore implements CallStore {
  private readonly events = new Map<string, CallEventRecord>();
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly log: CallEventRecord[] = [];
  private readonly listeners = new Set<CallEventListener>();
  private readonly ids: StreamIds;
  /** Whether the log dropped its oldest events: a cursor before the oldest kept one then lost some. */
  private trimmed = false;
  /** When each event was stored, by `now`. */
  private readonly storedAt = new Map<string, number>();

  constructor(
    private readonly maxLength = 100_000,
    private readonly now: () => number = Date.now,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {
    this.ids = new StreamIds(now);
  }

  async record(events: readonly NewCallEvent[]): Promise<CallEventRecord[]> {
    this.forgetExpired();
    const stored: CallEventRecord[] = [];
    for (const event of events) {
      if (this.events.has(event.id)) continue;
      const record: CallEventRecord = { ...structuredClone(event), cursor: this.ids.next() };
      this.events.set(event.id, record);
      this.storedAt.set(event.id, this.now());
      for (const name of customerNamesOfCall(event)) {
        const ids = this.byCustomer.get(name) ?? new Set<string>();
        ids.add(event.id);
        this.byCustomer.set(name, ids);
      }
      this.log.push(record);
      stored.push(structuredClone(record));
    }
    while (this.log.length > this.maxLength) {
      this.forget(this.log.shift()?.id);
      this.trimmed = true;
    }
    for (const event of stored) for (const listener of this.listeners) listener(structuredClone(event));
    return stored;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<CallEventRecord[]> {
    return eventsAfter(this.log, cursor, limit, this.trimmed).map((event) => structuredClone(event));
  }

  async listFor(
    customers: readonly string[],
    limit: number,
    position: CallPosition | null,
  ): Promise<CallEventRecord[]> {
    const ids = new Set(customers.flatMap((name) => [...(this.byCustomer.get(name) ?? [])]));
    return [...ids]
      .map((id) => this.events.get(id) as CallEventRecord)
      .filter((event) => !this.isExpired(event) && isOnCallPage(event, position))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
      .slice(0, Math.max(0, limit))
      .map((event) => structuredClone(event));
  }

  /** The live side, in process: every new event, as `record` stores it. */
  async listen(listener: CallEventListener): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private isExpired(event: CallEventRecord): boolean {
    return (this.storedAt.get(event.id) ?? -Infinity) < this.now() - this.retentionMs;
  }

  /** The log is in the order events were stored: the expired ones are at its front. */
  private forgetExpired(): void {
    while (this.log.length > 0 && this.isExpired(this.log[0] as CallEventRecord)) {
      this.forget(this.log.shift()?.id);
    }
  }

  private forget(id: string | undefined): void {
    const event = id === undefined ? undefined : this.events.get(id);
    if (event === undefined) return;
    this.events.delete(event.id);
    this.storedAt.delete(event.id);
    for (const name of customerNamesOfCall(event)) this.byCustomer.get(name)?.delete(event.id);
  }
}

function positionOf(event: CallEventRecord): { createdAt: number; id: string } {
  return { createdAt: event.timestamp, id: event.id };
}
