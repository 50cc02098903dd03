/** The q-quantile (0..1) of the values, nearest rank; NaN when there are none. Sorts a copy. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Several quantiles with one sort. */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  if (values.length === 0) return qs.map(() => Number.NaN);
  const sorted = Float64Array.from(values).sort();
  return qs.map(
    (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number,
  );
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves when `check` returns true, or rejects after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
