/** A timestamp as the texts show it, in both locales: `2024-05-14 12:00 UTC` (no locale clock, no time zone guess). */
export function formatInstant(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return String(epochMs);
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A calendar date: `2024-05-15`. */
export function formatDate(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return String(epochMs);
  return new Date(epochMs).toISOString().slice(0, 10);
}
