import { validatePhoneNumberLength } from 'libphonenumber-js';
import { invalidInput } from './send-errors';
import { isBusinessScopedUserId } from '../store-kit';

/**
 * Who a message goes to: a phone number, or a business-scoped user id (BSUID) for a customer who uses
 * a username and has not shared a number. Parsed once from the caller's `to`; everything after that
 * (Meta's body, the stored record, the region check) reads this value instead of the text.
 */
export type Recipient =
  | {
      readonly kind: 'phone';
      /** E.164 with `+`: how the gateway stores and indexes the recipient. */
      readonly e164: string;
      /** Digits only: Meta's `to` and the customer's WhatsApp id as far as we know. */
      readonly digits: string;
    }
  | {
      readonly kind: 'user';
      /** The BSUID as given, e.g. `US.13491208655302741918`: Meta's `recipient`. */
      readonly userId: string;
    };

const E164 = /^\+?[1-9]\d{6,14}$/;
/** What people write inside a number and Meta ignores. */
const PHONE_PUNCTUATION = /[\s()-]/g;

const LENGTH_PROBLEMS: Record<string, string> = {
  TOO_SHORT: 'is too short for its country',
  TOO_LONG: 'is too long for its country',
  INVALID_LENGTH: 'does not have a length any number of its country has',
  INVALID_COUNTRY: 'starts with no country calling code',
};

/**
 * Length verdicts by number, kept for the numbers seen lately: reading a number's country with
 * libphonenumber costs more than the rest of the send's checks together, and a business writes to the
 * same customers again and again. Cleared when full, so it stays small whatever the traffic.
 */
const lengthVerdicts = new Map<string, string | null>();
const MAX_REMEMBERED_NUMBERS = 10_000;

function lengthProblemOf(e164: string): string | null {
  let verdict = lengthVerdicts.get(e164);
  if (verdict === undefined) {
    verdict = validatePhoneNumberLength(e164) ?? null;
    if (lengthVerdicts.size >= MAX_REMEMBERED_NUMBERS) lengthVerdicts.clear();
    lengthVerdicts.set(e164, verdict);
  }
  return verdict;
}

/**
 * Reads `to` as a BSUID or as a phone number in E.164 (the `+`, spaces, dashes and brackets optional).
 * A number that no number of its country can be (too short, too long) is refused here, before it costs
 * an upstream call that Meta would answer with a generic 131026.
 */
export function parseRecipient(text: string, field = 'input.to'): Recipient {
  if (isBusinessScopedUserId(text)) return { kind: 'user', userId: text };
  const compact = text.replace(PHONE_PUNCTUATION, '');
  if (!E164.test(compact)) {
    throw invalidInput(
      field,
      `${field} must be a phone number in E.164 form (for example +886912345678) or a business-scoped user id (for example US.13491208655302741918).`,
    );
  }
  const digits = compact.startsWith('+') ? compact.slice(1) : compact;
  const e164 = `+${digits}`;
  const problem = lengthProblemOf(e164);
  if (problem !== null) {
    throw invalidInput(
      field,
      `${field} ${e164} ${LENGTH_PROBLEMS[problem] ?? 'cannot be a phone number'}; check the number and its country code.`,
    );
  }
  return { kind: 'phone', e164, digits };
}

/** The recipient as the record and logs name it: the E.164 number or the BSUID. */
export function describeRecipient(recipient: Recipient): string {
  return recipient.kind === 'phone' ? recipient.e164 : recipient.userId;
}
