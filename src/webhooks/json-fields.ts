/*
 * Lenient reads of fields of Meta's JSON: a field of an unexpected type reads as absent rather than
 * failing the message, which is always kept whole in `raw`.
 */

export type Json = Record<string, unknown>;

/** Whether `value` is a JSON object (not an array, not null). */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object, or an empty one for anything else. */
export function object(value: unknown): Json {
  return isJson(value) ? value : {};
}

export function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function number(value: unknown): number | undefined {
  const parsed = typeof value === 'string' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

export function boolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Absent fields stay absent (not `undefined`), so records compare and serialise the same in every store. */
export function withoutUndefined<T extends object>(value: T): T {
  // A plain loop: this runs for every status, its errors, conversation and pricing.
  const kept: Record<string, unknown> = {};
  for (const key in value) {
    const field = value[key];
    if (field !== undefined) kept[key] = field;
  }
  return kept as T;
}
