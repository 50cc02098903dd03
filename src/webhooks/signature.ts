import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs every notification with (Node lowercases incoming header names). */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * The result of checking `X-Hub-Signature-256`. Only `valid` lets a body through; the others say why it
 * was refused, for the log line, and never carry the expected value.
 */
export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

/** `sha256=` and exactly 32 bytes of hex: anything else is refused before any comparison is made. */
const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's signature of a notification: HMAC-SHA256 of the raw bytes as received, keyed with the
 * app secret. Hashing the bytes (never a re-serialised object) matters because Meta escapes non-ASCII
 * characters as `\uXXXX`, so any re-encoding would change the digest.
 *
 * Never throws: the header's shape is checked first, so the constant-time compare only ever sees two
 * 32-byte buffers. An empty `appSecret` never validates anything (a keyless HMAC could be forged by anyone).
 */
export function verifySignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecret: string,
): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = SIGNATURE_PATTERN.exec(header.trim());
  if (match === null) return 'malformed';
  if (appSecret === '') return 'mismatch';
  const received = Buffer.from(match[1] as string, 'hex');
  const expected = hmac(rawBody, appSecret);
  return received.length === expected.length && timingSafeEqual(received, expected) ? 'valid' : 'mismatch';
}

/**
 * The `X-Hub-Signature-256` value Meta would send for `rawBody`: for tests, the simulator's tools and
 * scripts that replay a stored notification.
 */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${hmac(rawBody, appSecret).toString('hex')}`;
}

function hmac(rawBody: Buffer | string, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(rawBody).digest();
}
