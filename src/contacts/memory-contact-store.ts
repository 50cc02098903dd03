import {
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
  identityFields,
  matchesContactFilter,
} from './contact';
import {
  compareNewestFirst,
  DEFAULT_RETENTION_MS,
  type EpochMillis,
  normaliseCustomerId,
} from '../store-kit';

/**
 * The embedded store's contacts: the same joining rules as the Redis script, in process memory. Like
 * Redis, it forgets a contact `retentionMs` after its last write, by `now` (reads at once, memory on a
 * write).
 */
export class MemoryContactStore implements ContactStore {
  private readonly contacts = new Map<string, ContactRecord>();
  /** Number (E.164) or BSUID → contact id. */
  private readonly aliases = new Map<string, string>();
  /** When each contact was last written, by `now`. */
  private readonly writtenAt = new Map<string, number>();

  constructor(
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void> {
    this.forgetExpired();
    for (const sighting of sightings) this.observeOne(sighting, seenAt);
  }

  async find(idOrIdentity: string): Promise<ContactRecord | null> {
    const id = this.aliases.get(normaliseCustomerId(idOrIdentity));
    const contact = id === undefined ? undefined : this.contacts.get(id);
    return contact === undefined || this.isExpired(contact) ? null : { ...contact };
  }

  async list(filter: ContactFilter, first: number, after: ContactPosition | null): Promise<ContactPage> {
    const ordered = [...this.contacts.values()]
      .filter((contact) => !this.isExpired(contact))
      .filter((contact) => after === null || isOlder(contact, after))
      .filter((contact) => matchesContactFilter(contact, filter))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
    const page = ordered.slice(0, first).map((contact) => ({ ...contact }));
    const last = page.at(-1);
    return {
      contacts: page,
      end: ordered.length > first && last ? { lastSeenAt: last.lastSeenAt, id: last.id } : null,
    };
  }

  private isExpired(contact: ContactRecord): boolean {
    return (this.writtenAt.get(contact.id) ?? -Infinity) < this.now() - this.retentionMs;
  }

  /** One pass over the contacts per write: the embedded store is for one process and small data. */
  private forgetExpired(): void {
    for (const [id, contact] of this.contacts) {
      if (this.isExpired(contact)) {
        this.contacts.delete(id);
        this.writtenAt.delete(id);
      }
    }
    for (const [alias, id] of this.aliases) if (!this.contacts.has(id)) this.aliases.delete(alias);
  }

  private observeOne(sighting: ContactSighting, seenAt: EpochMillis): void {
    const phone = sighting.waId === undefined ? undefined : `+${sighting.waId}`;
    const byPhone = phone === undefined ? undefined : this.aliases.get(phone);
    const id = sighting.userId ?? byPhone ?? phone;
    if (id === undefined) return;
    let contact = this.contacts.get(id);
    if (byPhone !== undefined && byPhone !== id) {
      const other = this.contacts.get(byPhone);
      if (other !== undefined && other.userId === undefined) {
        // Known by number until now: the same customer, whose BSUID Meta has just shown.
        this.contacts.delete(byPhone);
        contact = contact === undefined ? { ...other, id } : joined(contact, other);
      } else if (other !== undefined) {
        // The number moved to another user: it no longer names the old contact.
        delete other.phone;
        delete other.waId;
      }
    }
    const updated: ContactRecord = {
      ...(contact ?? { id, firstSeenAt: seenAt, lastSeenAt: seenAt }),
      ...identityFields(sighting),
      id,
    };
    if (sighting.marketingOptOut !== undefined) {
      const at = sighting.marketingPreferenceAt ?? seenAt;
      if (updated.marketingPreferenceAt === undefined || at >= updated.marketingPreferenceAt) {
        updated.marketingOptOut = sighting.marketingOptOut;
        updated.marketingPreferenceAt = at;
      }
    }
    updated.lastSeenAt = Math.max(updated.lastSeenAt, seenAt);
    if (sighting.inboundAt !== undefined) {
      updated.lastInboundAt = Math.max(updated.lastInboundAt ?? 0, sighting.inboundAt);
    }
    this.contacts.set(id, updated);
    this.writtenAt.set(id, this.now());
    this.aliases.set(id, id);
    if (phone !== undefined) this.aliases.set(phone, id);
    if (sighting.userId !== undefined) this.aliases.set(sighting.userId, id);
  }
}

/** `kept` wins field by field; times take the wider span. */
function joined(kept: ContactRecord, folded: ContactRecord): ContactRecord {
  const result: ContactRecord = { ...folded, ...kept };
  result.firstSeenAt = Math.min(kept.firstSeenAt, folded.firstSeenAt);
  result.lastSeenAt = Math.max(kept.lastSeenAt, folded.lastSeenAt);
  const inbound = Math.max(kept.lastInboundAt ?? 0, folded.lastInboundAt ?? 0);
  if (inbound > 0) result.lastInboundAt = inbound;
  return result;
}

function positionOf(contact: ContactRecord): { createdAt: number; id: string } {
  return { createdAt: contact.lastSeenAt, id: contact.id };
}

/** Whether a contact comes after `position` in newest-activity-first order. */
function isOlder(contact: ContactRecord, position: ContactPosition): boolean {
  return compareNewestFirst(positionOf(contact), { createdAt: position.lastSeenAt, id: position.id }) > 0;
}
