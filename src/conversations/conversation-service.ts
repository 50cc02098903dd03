import { type CallEventRecord, type CallPosition, type CallStore } from '../calls';
import { type ContactRecord, type ContactStore } from '../contacts';
import { type MessageRecord, type MessageStore } from '../messages';
import { type InboundMessageRecord } from './inbound-message';
import { type InboundPosition, type InboundStore } from './inbound-store';
import { compareNewestFirst, encodePageCursor, type EpochMillis, normaliseCustomerId } from '../store-kit';

/** The names a customer's messages are indexed under: the number (E.164) and the BSUID, as known. */
export async function customerNames(contacts: ContactStore, customer: string): Promise<string[]> {
  return namesOf(await contacts.find(customer), customer);
}

function namesOf(contact: ContactRecord | null, customer: string): string[] {
  const names = [contact?.phone, contact?.userId].filter((name): name is string => name !== undefined);
  return names.length > 0 ? names : [normaliseCustomerId(customer)];
}

/** One item of a conversation's time line: what the business sent, what the customer wrote, or a call. */
export type ConversationEntry =
  | { kind: 'outbound'; timestamp: EpochMillis; id: string; message: MessageRecord }
  | { kind: 'inbound'; timestamp: EpochMillis; id: string; message: InboundMessageRecord }
  | { kind: 'call'; timestamp: EpochMillis; id: string; call: CallEventRecord };

export interface ConversationPage {
  /** The customer, when a webhook has named them: the sender of every inbound entry. */
  contact: ContactRecord | null;
  /** Newest first. */
  entries: ConversationEntry[];
  /** The cursor of each entry, aligned with `entries`. */
  cursors: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Thrown for an `after` that is not a conversation cursor. */
export class InvalidConversationCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not a conversation cursor; pass the endCursor of a previous page, or null.`);
    this.name = 'InvalidConversationCursorError';
  }
}

/**
 * A position in a time line: after the entry `(timestamp, kind, id)`. At one timestamp, outbound entries
 * come before inbound ones, and those before call events, each by id descending, so every entry has
 * exactly one place.
 */
interface ConversationPosition {
  timestamp: EpochMillis;
  kind: 'o' | 'i' | 'c';
  id: string;
}

/**
 * A customer's conversation: the messages the business sent and the ones the customer wrote, in one time
 * line, newest first. A customer is named by number or BSUID; a contact known by both is read under both.
 */
export class ConversationService {
  constructor(
    private readonly messages: MessageStore,
    private readonly inbound: InboundStore,
    private readonly contacts: ContactStore,
    private readonly calls: CallStore,
  ) {}

  /**
   * One page, newest first. Every read of the page is sent at once (the outbound index under each name and
   * the inbound index), after the contact's names are looked up.
   */
  async page(customer: string, first: number, after: string | null): Promise<ConversationPage> {
    const position = after === null ? null : decodeConversationCursor(after);
    const contact = await this.contacts.find(customer);
    const names = namesOf(contact, customer);
    const [outbound, inbound, calls] = await Promise.all([
      Promise.all(names.map((name) => this.outboundPage(name, first + 1, position))),
      this.inbound.listFrom(names, first + 1, inboundPosition(position)),
      this.calls.listFor(names, first + 1, callPosition(position)),
    ]);
    const seen = new Set<string>();
    const entries: ConversationEntry[] = [];
    for (const message of outbound.flat()) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      entries.push({ kind: 'outbound', timestamp: message.createdAt, id: message.id, message });
    }
    for (const message of inbound) {
      entries.push({ kind: 'inbound', timestamp: message.timestamp, id: message.id, message });
    }
    for (const call of calls) entries.push({ kind: 'call', timestamp: call.timestamp, id: call.id, call });
    entries.sort(compareEntries);
    const page = entries.slice(0, first);
    const cursors = page.map(encodeEntryCursor);
    const hasNextPage = entries.length > first;
    return {
      contact,
      entries: page,
      cursors,
      endCursor: hasNextPage ? (cursors.at(-1) ?? null) : null,
      hasNextPage,
    };
  }

  /** Outbound messages to one name after the position: before it by (createdAt, id), or strictly older. */
  private async outboundPage(
    name: string,
    limit: number,
    position: ConversationPosition | null,
  ): Promise<MessageRecord[]> {
    if (position === null) return (await this.messages.list({ recipient: name }, limit, null)).records;
    if (position.kind === 'o') {
      const after = encodePageCursor({ createdAt: position.timestamp, id: position.id });
      return (await this.messages.list({ recipient: name }, limit, after)).records;
    }
    // After an inbound entry or a call event: outbound entries at its timestamp came before it.
    return (await this.messages.list({ recipient: name, to: position.timestamp - 1 }, limit, null)).records;
  }
}

/** After an outbound entry, every inbound one at its timestamp is still to come; after an inbound one, only older ones. */
function inboundPosition(position: ConversationPosition | null): InboundPosition | null {
  if (position === null) return null;
  if (position.kind === 'c') return { timestamp: position.timestamp - 1 };
  return position.kind === 'o'
    ? { timestamp: position.timestamp }
    : { timestamp: position.timestamp, id: position.id };
}

/** After a message entry, every call event at its timestamp is still to come; after a call event, older ones. */
function callPosition(position: ConversationPosition | null): CallPosition | null {
  if (position === null) return null;
  return position.kind === 'c'
    ? { timestamp: position.timestamp, id: position.id }
    : { timestamp: position.timestamp };
}

const KIND_RANK = { outbound: 0, inbound: 1, call: 2 } as const;
const KIND_LETTER = { outbound: 'o', inbound: 'i', call: 'c' } as const;

function compareEntries(a: ConversationEntry, b: ConversationEntry): number {
  if (a.timestamp !== b.timestamp) return b.timestamp - a.timestamp;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  return compareNewestFirst({ createdAt: a.timestamp, id: a.id }, { createdAt: b.timestamp, id: b.id });
}

/** Opaque to clients: base64url of `[timestamp, kind, id]`. */
function encodeEntryCursor(entry: ConversationEntry): string {
  const position = [entry.timestamp, KIND_LETTER[entry.kind], entry.id];
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodeConversationCursor(cursor: string): ConversationPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidConversationCursorError(cursor);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !Number.isSafeInteger(parsed[0]) ||
    (parsed[1] !== 'o' && parsed[1] !== 'i' && parsed[1] !== 'c') ||
    typeof parsed[2] !== 'string'
  ) {
    throw new InvalidConversationCursorError(cursor);
  }
  return { timestamp: parsed[0] as number, kind: parsed[1], id: parsed[2] };
}
