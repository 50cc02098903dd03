/**
 * JSON serialised the way Meta serialises webhook bodies: every non-ASCII UTF-16 unit as `\uXXXX`
 * (emoji become two escapes) and `/` as `\/`. A receiver that hashes a re-serialised object instead of
 * the raw bytes fails the signature check on such bodies, which is the point.
 */
export function serializeMetaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff/]/g, escapeUnit);
}

function escapeUnit(unit: string): string {
  if (unit === '/') return '\\/';
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
