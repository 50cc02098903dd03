/*
 * Readers for account event payloads. Meta's values are loose and change over time, so a field of an
 * unexpected type counts as absent rather than failing a summary or a diagnosis.
 */

/** A string field; a number is shown as its digits. */
export function text(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A nested object, or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
