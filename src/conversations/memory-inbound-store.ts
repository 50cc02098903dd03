import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { compareNewestFirst, eventsAfter, StreamIds } from '../messages';
import { customerNamesOf, type InboundPosition, type InboundStore, isAtOrAfter } from './inbound-store';

/** Listens to every new inbound message of the embedded store (the in-process stand-in for pub/sub). */
export type InboundListener = (event: InboundMessageEvent) => void;

/** The embedded store's inbound messages, in process memory, the newest `maxLength` kept. */
export class MemoryInboundStore implements InboundStore {
  private readonly messages = new Map<string, InboundMessageRecord>();
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly log: InboundMessageEvent[] = [];
  private readonly listeners = new Set<InboundListener>();
  private readonly ids: StreamIds;
  /** Whether the log dropped its oldest events: a cursor before the oldest kept one then lost some. */
  private trimmed = false;

  constructor(
    private readonly maxLength = 100_000,
    now: () => number = Date.now,
  ) {
    this.ids = new StreamIds(now);
  }

  async record(messages: readonly InboundMessageRecord[]): Promise<InboundMessageEvent[]> {
    const events: InboundMessageEvent[] = [];
    for (const message of messages) {
      if (this.messages.has(message.id)) continue;
      this.messages.set(message.id, structuredClone(message));
      for (const name of customerNamesOf(message)) {
        const ids = this.byCustomer.get(name) ?? new Set<string>();
        ids.add(message.id);
        this.byCustomer.set(name, ids);
      }
      const event = { cursor: this.ids.next(), message: structuredClone(message) };
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
      return message === undefined ? null : structuredClone(message);
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
      .filter((message) => isAtOrAfter(message, position))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
      .slice(0, limit)
      .map((message) => structuredClone(message));
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

  private forget(id: string | undefined): void {
    const message = id === undefined ? undefined : this.messages.get(id);
    if (message === undefined) return;
    this.messages.delete(message.id);
    for (const name of customerNamesOf(message)) this.byCustomer.get(name)?.delete(message.id);
  }
}

function positionOf(message: InboundMessageRecord): { createdAt: number; id: string } {
  return { createdAt: message.timestamp, id: message.id };
}
