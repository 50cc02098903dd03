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

/**
 * A customer as a filter or a lookup gives it, in the form the store keys it by: a BSUID as it is, a number
 * as E.164 with `+` (`+886 912-345-678` and `886912345678` are one customer).
 */
export function normaliseCustomerId(value: string): string {
  const trimmed = value.trim();
  if (isBusinessScopedUserId(trimmed)) return trimmed;
  return `+${trimmed.replace(/[^\d]/g, '')}`;
}
