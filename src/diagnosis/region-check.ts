import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import {
  type PlaceId,
  SANCTIONED_COUNTRIES,
  SANCTIONED_REGIONS,
  type EffectivePeriod,
  type RegionCertainty,
} from './knowledge/sanctioned-regions';
import { formatDate } from './format';

/** Why a number was (or was not) judged restricted. */
export enum RegionCheckKind {
  /** The country itself is restricted (from the calling code: certain). */
  SANCTIONED_COUNTRY = 'SANCTIONED_COUNTRY',
  /** A sanctioned region, recognised by its area code or number range. */
  SANCTIONED_REGION = 'SANCTIONED_REGION',
  /** The place was restricted, but not at the time judged (Turkey since 2024-05-15). */
  RESTRICTION_LIFTED = 'RESTRICTION_LIFTED',
  NOT_RESTRICTED = 'NOT_RESTRICTED',
  /** Not a phone number libphonenumber-js can read; nothing is claimed. */
  UNPARSABLE = 'UNPARSABLE',
}

/** The answer of `checkRecipientRegion`. */
export interface RegionCheck {
  /** True when the platform does not serve this number at `at`. Callers may refuse only 'certain'/'likely'. */
  restricted: boolean;
  /** ISO 3166-1 country of the number's numbering plan (`RU` for +7 978 even though its region is `UA-43`). */
  country: string | null;
  /** ISO 3166-2 region (e.g. `UA-43` Crimea), when a sanctioned region matched. */
  region: string | null;
  certainty: RegionCertainty;
  kind: RegionCheckKind;
  /** The place matched (for texts), or null. */
  place: PlaceId | null;
  /** When a lifted restriction ended (epoch ms); null otherwise. */
  liftedAt: number | null;
  /** One English sentence, for logs and error messages. */
  reason: string;
}

const inForce = (period: EffectivePeriod, at: number): boolean =>
  (period.from === undefined || at >= period.from) && (period.until === undefined || at < period.until);

/** The country of a calling code shared by no other country (e.g. `850` → KP); null for shared codes (`1`, `7`). */
function soleCountryOf(callingCode: string): CountryCode | null {
  const matches = getCountries().filter((c) => getCountryCallingCode(c) === callingCode);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * The calling codes under which a restriction (in force or lifted) exists. A number under none of them needs
 * no parsing: this check runs on every send, and parsing is by far its dearest part.
 */
const RESTRICTED_CALLING_CODES: readonly string[] = [
  ...new Set([
    ...SANCTIONED_COUNTRIES.map((c) => String(getCountryCallingCode(c.country as CountryCode))),
    ...SANCTIONED_REGIONS.map((r) => r.callingCode),
  ]),
];

/**
 * Is the WhatsApp user behind `e164` out of the platform's reach at time `at` (epoch ms)? Countries come from
 * libphonenumber-js (certain); regions from the area-code list in `knowledge/sanctioned-regions.ts` (likely or
 * possible). Restrictions carry effective dates: Turkey counts only before 2024-05-15. Never throws.
 */
export function checkRecipientRegion(e164: string, at: number): RegionCheck {
  const input = e164.trim().startsWith('+') ? e164.trim() : `+${e164.trim()}`;
  if (/^\+\d{7,15}$/.test(input) && !RESTRICTED_CALLING_CODES.some((code) => input.startsWith(code, 1))) {
    return notRestricted(null);
  }
  const parsed = parsePhoneNumberFromString(input);
  if (!parsed) {
    return {
      restricted: false,
      country: null,
      region: null,
      certainty: 'certain',
      kind: RegionCheckKind.UNPARSABLE,
      place: null,
      liftedAt: null,
      reason: 'The number could not be parsed; no restriction is assumed.',
    };
  }
  const callingCode = String(parsed.countryCallingCode);
  const national = String(parsed.nationalNumber);
  const country = parsed.country ?? soleCountryOf(callingCode);

  const region = SANCTIONED_REGIONS.find(
    (r) => r.callingCode === callingCode && national.startsWith(r.nationalPrefix) && inForce(r, at),
  );
  if (region) {
    return {
      restricted: true,
      country: country ?? null,
      region: region.region,
      certainty: region.certainty,
      kind: RegionCheckKind.SANCTIONED_REGION,
      place: region.place,
      liftedAt: null,
      reason: `+${callingCode} ${region.nationalPrefix} is a number range of ${region.place} (${region.region}), a sanctioned region (${region.certainty}).`,
    };
  }

  const sanctioned = country ? SANCTIONED_COUNTRIES.find((c) => c.country === country) : undefined;
  if (sanctioned && inForce(sanctioned, at)) {
    return {
      restricted: true,
      country: country ?? null,
      region: null,
      certainty: 'certain',
      kind: RegionCheckKind.SANCTIONED_COUNTRY,
      place: sanctioned.place,
      liftedAt: null,
      reason: `The number is in ${sanctioned.country}, where WhatsApp Business Platform messages cannot be received.`,
    };
  }
  if (sanctioned?.until !== undefined && at >= sanctioned.until) {
    return {
      restricted: false,
      country: country ?? null,
      region: null,
      certainty: 'certain',
      kind: RegionCheckKind.RESTRICTION_LIFTED,
      place: sanctioned.place,
      liftedAt: sanctioned.until,
      reason: `The number is in ${sanctioned.country}, no longer restricted since ${formatDate(sanctioned.until)}.`,
    };
  }
  return notRestricted(country ?? null);
}

function notRestricted(country: string | null): RegionCheck {
  return {
    restricted: false,
    country,
    region: null,
    certainty: 'certain',
    kind: RegionCheckKind.NOT_RESTRICTED,
    place: null,
    liftedAt: null,
    reason: 'The number is not in a restricted country or region.',
  };
}
