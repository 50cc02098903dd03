/**
 * Polls `condition` until it returns something other than `undefined` or `false`, and resolves with it; fails
 * after the deadline, naming what was awaited. Tests wait on conditions, never on fixed sleeps.
 */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  whatOrTimeoutMs: string | number = 'a condition',
  timeoutMs = typeof whatOrTimeoutMs === 'number' ? whatOrTimeoutMs : 5_000,
): Promise<T> {
  const what = typeof whatOrTimeoutMs === 'string' ? whatOrTimeoutMs : 'a condition';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
