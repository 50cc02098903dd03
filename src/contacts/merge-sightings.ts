import { type ContactSighting } from './contact';

/** Who a customer is and what they are called: a later sighting's value replaces an earlier one. */
const NAMING_FIELDS = ['waId', 'userId', 'parentUserId', 'username', 'profileName'] as const;

/** A marketing choice and when it was made: taken from a later sighting only when the choice is not older. */
const CHOICE_FIELDS = ['marketingOptOut', 'marketingPreferenceAt'] as const;

/**
 * The sightings of one webhook body merged per customer, so that a busy body costs one write per customer.
 * Sightings that share a BSUID or a number are one customer (the BSUID is looked up first); a sighting
 * that names both joins them from then on. Each customer's fields are the latest sighting's where it has
 * them, except that an older marketing choice never replaces a newer one and the latest inbound time is
 * kept. Customers come in the order of their first sighting; a sighting with neither number nor BSUID
 * names nobody and is dropped. Absent fields stay absent, and the sightings given are not changed.
 */
export function mergeSightings(sightings: readonly ContactSighting[]): ContactSighting[] {
  const merged: ContactSighting[] = [];
  const byIdentity = new Map<string, ContactSighting>();
  const remember = (customer: ContactSighting): void => {
    if (customer.userId !== undefined) byIdentity.set(`u:${customer.userId}`, customer);
    if (customer.waId !== undefined) byIdentity.set(`w:${customer.waId}`, customer);
  };
  for (const sighting of sightings) {
    if (sighting.waId === undefined && sighting.userId === undefined) continue;
    const seen =
      (sighting.userId !== undefined ? byIdentity.get(`u:${sighting.userId}`) : undefined) ??
      (sighting.waId !== undefined ? byIdentity.get(`w:${sighting.waId}`) : undefined);
    if (seen === undefined) {
      const customer: ContactSighting = {};
      assignPresent(customer, sighting, [...NAMING_FIELDS, ...CHOICE_FIELDS, 'inboundAt']);
      merged.push(customer);
      remember(customer);
      continue;
    }
    assignPresent(seen, sighting, NAMING_FIELDS);
    if (
      sighting.marketingPreferenceAt === undefined ||
      seen.marketingPreferenceAt === undefined ||
      sighting.marketingPreferenceAt >= seen.marketingPreferenceAt
    ) {
      assignPresent(seen, sighting, CHOICE_FIELDS);
    }
    if (
      sighting.inboundAt !== undefined &&
      (seen.inboundAt === undefined || sighting.inboundAt > seen.inboundAt)
    ) {
      seen.inboundAt = sighting.inboundAt;
    }
    remember(seen);
  }
  return merged;
}

function assignPresent<K extends keyof ContactSighting>(
  target: ContactSighting,
  source: ContactSighting,
  keys: readonly K[],
): void {
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) target[key] = value;
  }
}
