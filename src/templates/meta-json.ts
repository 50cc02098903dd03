// Reading Meta's JSON without trusting its shape: a field of the wrong type reads as absent, so a
// component Meta adds fields to, or sends oddly, never throws in the gateway.

export type JsonObject = Record<string, unknown>;

export function objectOf(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Meta's ids are strings in the Graph API and numbers in webhooks: one string either way. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** A component's or button's `type`, upper case, `''` when missing (Meta's sends use lower case). */
export function typeOf(value: JsonObject | undefined, field = 'type'): string {
  return stringOf(value?.[field])?.toUpperCase() ?? '';
}
