import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { customerNamesOf, type InboundPosition, type InboundStore, isAtOrAfter } from './inbound-store';
import { changeOf, type InboundChanges, supersedes, withChanges } from './inbound-changes';
import { compareNewestFirst, DEFAULT_RETENTION_MS, eventsAfter, StreamIds } from '../store-kit';

/** Listens to every new inbound message of the embedded store (the in-process stand-in for pub/sub). */
export type InboundListener = (event: InboundMessageEvent) => void;

/**
 * The embedded store's inbound messages, in process memory: the newest `maxLength` kept, none stored more
 * than `retentionMs` ago by `now` (reads hide them at once, a write frees them).
 */
export class MemoryInboundStore implements InboundStore {
  private readonly messages = new Map<string, InboundMessageRecord>();
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly log: InboundMessageEvent[] = [];
  private readonly listeners = new Set<InboundListener>();
  private readonly ids: StreamIds;
  /** Whether the log dropped its oldest events: a cursor before the oldest kept one then lost some. */
  private trimmed = false;
  /** When each message was stored, by `now`. */
  private readonly storedAt = new Map<string, number>();
  /** The latest edit and the revocation of each message changed, by the changed wamid. */
  private readonly changes = new Map<string, InboundChanges>();

  constructor(
    private readonly maxLength = 100_000,
    private readonly now: () => number = Date.now,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {
    this.ids = new StreamIds(now);
  }

  async record(messages: readonly InboundMessageRecord[]): Promise<InboundMessageEvent[]> {
    this.forgetExpired();
    const events: InboundMessageEvent[] = [];
    for (const message of messages) {
      if (this.messages.has(message.id)) continue;
      const stored = structuredClone(message);
      this.messages.set(message.id, stored);
      this.storedAt.set(message.id, this.now());
      this.noteChange(stored);
      for (const name of customerNamesOf(message)) {
        const ids = this.byCustomer.get(name) ?? new Set<string>();
        ids.add(message.id);
        this.byCustomer.set(name, ids);
      }
      // The message as it stands when stored: an edit that arrived before it already counts.
      const event = { cursor: this.ids.next(), message: structuredClone(this.view(message)) };
      this.log.push(event);
      events.push(event);
    }
    while (this.log.length > this.maxLength) {
      this.forget(this.log.shift()?.message.id);
      this.trimmed = true;
    }
    for (const event of events) for (const listener of this.listeners) listener(event);
    return events;
  }

  async getMany(ids: readonly string[]): Promise<Array<InboundMessageRecord | null>> {
    return ids.map((id) => {
      const message = this.messages.get(id);
      return message === undefined || this.isExpired(message) ? null : structuredClone(this.view(message));
    });
  }

  async listFrom(
    customers: readonly string[],
    limit: number,
    position: InboundPosition | null,
  ): Promise<InboundMessageRecord[]> {
    const ids = new Set(customers.flatMap((name) => [...(this.byCustomer.get(name) ?? [])]));
    return [...ids]
      .map((id) => this.messages.get(id) as InboundMessageRecord)
      .filter((message) => !this.isExpired(message) && isAtOrAfter(message, position))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
      .slice(0, limit)
      .map((message) => structuredClone(this.view(message)));
  }

  async readEventsAfter(cursor: string, limit: number): Promise<InboundMessageEvent[]> {
    return eventsAfter(this.log, cursor, limit, this.trimmed);
  }

  /** The live side, in process: every new message, as `record` stores it. */
  async listen(listener: InboundListener): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** An edit or revocation is kept as the one that counts for its message unless a later one is. */
  private noteChange(message: InboundMessageRecord): void {
    const change = changeOf(message);
    if (change === null) return;
    const changes = this.changes.get(change.target) ?? {};
    if (supersedes(message, changes[change.kind])) changes[change.kind] = message;
    this.changes.set(change.target, changes);
  }

  /** The message with the changes kept for it that have not expired. */
  private view(message: InboundMessageRecord): InboundMessageRecord {
    const { edit, revoke } = this.changes.get(message.id) ?? {};
    return withChanges(message, {
      ...(edit !== undefined && !this.isExpired(edit) && { edit }),
      ...(revoke !== undefined && !this.isExpired(revoke) && { revoke }),
    });
  }

  private isExpired(message: InboundMessageRecord): boolean {
    return (this.storedAt.get(message.id) ?? -Infinity) < this.now() - this.retentionMs;
  }

  /** The log is in the order messages were stored: the expired ones are at its front. */
  private forgetExpired(): void {
    while (this.log.length > 0 && this.isExpired((this.log[0] as InboundMessageEvent).message)) {
      this.forget(this.log.shift()?.message.id);
    }
  }

  private forget(id: string | undefined): void {
    const message = id === undefined ? undefined : this.messages.get(id);
    if (message === undefined) return;
    this.messages.delete(message.id);
    this.storedAt.delete(message.id);
    for (const name of customerNamesOf(message)) this.byCustomer.get(name)?.delete(message.id);
    // A change lives as long as the message that made it.
    const change = changeOf(message);
    const changes = change === null ? undefined : this.changes.get(change.target);
    if (change !== null && changes?.[change.kind]?.id === message.id) {
      delete changes[change.kind];
      if (changes.edit === undefined && changes.revoke === undefined) this.changes.delete(change.target);
    }
  }
}

function positionOf(message: InboundMessageRecord): { createdAt: number; id: string } {
  return { createdAt: message.timestamp, id: message.id };
}
