/**
 * Reads an optional whole-number option, applying its default, and refuses a bad value at construction
 * with a message that names the option and the fix (a bad value found later is a worse outage).
 */
export function wholeNumberOption(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < min) {
    throw new RangeError(`${name} must be a whole number of at least ${min}; got ${String(value)}.`);
  }
  return chosen;
}
