/**
 * How the gateway names a customer. Meta names a WhatsApp user by phone number or, since 2026, by a
 * business-scoped user id (BSUID): an ISO 3166 country code, a dot, up to 128 letters and digits
 * (`US.13491208655302741918`); a parent BSUID, shared by linked business portfolios, has `ENT.` after the
 * country (`US.ENT.11815799212886844830`). A user with a username may be known by BSUID only.
 */
const BUSINESS_SCOPED_USER_ID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/**
 * The id a customer's messages are kept under (their inbound time, their contact): the number's digits
 * (`waId`) when known, else the BSUID.
 */
export function customerKeyOf(customer: { waId?: string; recipientUserId?: string }): string | undefined {
  return customer.waId ?? customer.recipientUserId;
}

export function isBusinessScopedUserId(value: string): boolean {
  return BUSINESS_SCOPED_USER_ID.test(value);
}

/** A phone number as people write it: digits, with a `+`, spaces, dots, dashes and brackets as they like. */
const WRITTEN_NUMBER = /^\+?[\d\s().-]*\d[\d\s().-]*$/;

/**
 * The longest customer id a read takes: far beyond any id Meta issues (a parent BSUID has at most 135
 * characters), so that only nonsense is refused.
 */
export const MAX_CUSTOMER_ID_LENGTH = 256;

/**
 * A customer as a filter or a lookup gives it, in the form the store keys it by: a BSUID as it is, a number
 * as E.164 with `+` (`+886 912-345-678` and `886912345678` are one customer). Any other id is one the
 * gateway itself showed and is taken as it is: Meta's WhatsApp id is not always a number (test numbers such
 * as `12345` are, placeholders such as `<WHATSAPP_USER_PHONE_NUMBER>` are not), and the gateway names such
 * a customer `+` and that id, or by the user id Meta sent, whatever its shape. (An id made only of digits
 * and the punctuation people write in numbers is read as the number it spells.)
 */
export function normaliseCustomerId(value: string): string {
  const trimmed = value.trim();
  if (isBusinessScopedUserId(trimmed)) return trimmed;
  if (WRITTEN_NUMBER.test(trimmed)) return `+${trimmed.replace(/\D/g, '')}`;
  return trimmed;
}

/**
 * Why a customer id given to a read can name no customer, or null when it can. Every id the gateway shows
 * passes (a contact's `id`, `phone`, `userId`, a message's `recipient`), whatever Meta's shape, so that
 * what the gateway gives out it takes back; what is refused is empty, overlong, without a letter or digit,
 * or has spaces or control characters outside a written number (Meta's ids have none, and the stores'
 * indexes could not hold them).
 */
export function customerIdProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'is empty';
  if (trimmed.length > MAX_CUSTOMER_ID_LENGTH) return `is longer than ${MAX_CUSTOMER_ID_LENGTH} characters`;
  if (WRITTEN_NUMBER.test(trimmed)) return null;
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'has no letter or digit';
  if (/[\s\p{Cc}]/u.test(trimmed)) return 'has spaces or control characters';
  return null;
}
