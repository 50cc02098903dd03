import { type EpochMillis } from '../store-kit';

/** What one webhook part says about who a customer is; each field only when Meta sent it. */
export interface ContactSighting {
  /** The customer's WhatsApp id: digits, no `+`. */
  waId?: string;
  /** Business-scoped user id (`US.1349…`). */
  userId?: string;
  /** Parent BSUID (`US.ENT.…`). */
  parentUserId?: string;
  username?: string;
  profileName?: string;
  /** When the customer wrote, when the sighting comes from an inbound message. */
  inboundAt?: EpochMillis;
  /** True when the customer stopped marketing messages; false when they resumed or signed up for them. */
  marketingOptOut?: boolean;
  /** When they chose; an older choice never overrides a newer one. */
  marketingPreferenceAt?: EpochMillis;
}

/**
 * One customer as the gateway knows them from webhooks. A number and a BSUID that Meta showed together are
 * one contact, whose `id` is then the BSUID (it stays when the customer hides the number behind a username);
 * a contact seen by number only has the number as `id` until its BSUID shows up.
 */
export interface ContactRecord {
  id: string;
  waId?: string;
  /** E.164 with `+`. */
  phone?: string;
  userId?: string;
  parentUserId?: string;
  username?: string;
  profileName?: string;
  firstSeenAt: EpochMillis;
  lastSeenAt: EpochMillis;
  /** The latest time the customer wrote to any business number of this gateway. */
  lastInboundAt?: EpochMillis;
  /** The customer's latest marketing choice, when a `user_preferences` webhook reported one. */
  marketingOptOut?: boolean;
  marketingPreferenceAt?: EpochMillis;
}

/** Which contacts to list; every field given must match. */
export interface ContactFilter {
  /**
   * Only contacts who last wrote after this time (`true`: their service window, which opens at that time,
   * is open) or not after it, or never (`false`).
   */
  wroteAfter?: { at: EpochMillis; expected: boolean };
  /** Only contacts who stopped (true) or did not stop (false) marketing messages. */
  marketingOptOut?: boolean;
}

/** A page position: the (lastSeenAt, id) of the last contact of the previous page. */
export interface ContactPosition {
  lastSeenAt: EpochMillis;
  id: string;
}

export interface ContactPage {
  /** Newest activity first. */
  contacts: ContactRecord[];
  /** Where the next page starts; null when this page is the last. */
  end: ContactPosition | null;
}

/** Contacts, learned from webhooks. */
export interface ContactStore {
  /**
   * Records what one webhook showed, in one round trip. A sighting that names a number and a BSUID joins the
   * contact known by the number into the one known by the BSUID; a number seen with a new BSUID moves to it
   * (a new number gets a new BSUID at Meta, so the number now belongs to that user).
   */
  observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void>;
  /** A contact by id, number (E.164, `+` optional) or BSUID; null when never seen. */
  find(idOrIdentity: string): Promise<ContactRecord | null>;
  /**
   * Contacts by latest activity (a webhook naming them), newest first, filtered, in one round trip. A
   * page may come back shorter than `first` (with a next position) when a rare filter stopped the walk.
   */
  list(filter: ContactFilter, first: number, after: ContactPosition | null): Promise<ContactPage>;
}

/** Whether a contact passes a filter; the Redis list script applies the same tests. */
export function matchesContactFilter(contact: ContactRecord, filter: ContactFilter): boolean {
  if (filter.wroteAfter !== undefined) {
    const wrote = contact.lastInboundAt !== undefined && contact.lastInboundAt > filter.wroteAfter.at;
    if (wrote !== filter.wroteAfter.expected) return false;
  }
  if (filter.marketingOptOut !== undefined && (contact.marketingOptOut === true) !== filter.marketingOptOut) {
    return false;
  }
  return true;
}

/** The contact fields a sighting sets, in the record's own terms (the number as E.164). */
export function identityFields(sighting: ContactSighting): Partial<ContactRecord> {
  const fields: Partial<ContactRecord> = {};
  if (sighting.waId !== undefined) {
    fields.waId = sighting.waId;
    fields.phone = `+${sighting.waId}`;
  }
  if (sighting.userId !== undefined) fields.userId = sighting.userId;
  if (sighting.parentUserId !== undefined) fields.parentUserId = sighting.parentUserId;
  if (sighting.username !== undefined) fields.username = sighting.username;
  if (sighting.profileName !== undefined) fields.profileName = sighting.profileName;
  return fields;
}
