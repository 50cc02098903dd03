/** What a secret is replaced with wherever it would otherwise appear. */
export const REDACTION = '[redacted]';

/**
 * Removes every given secret (as is, and in its URL-encoded form) from a text. Used on anything an
 * upstream answer puts into an error: a proxy page or an error message may echo a token back, and an
 * error travels further than a log line.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    out = out.split(secret).join(REDACTION);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTION);
  }
  return out;
}
