import { createHmac } from 'node:crypto';

/**
 * The `X-Hub-Signature-256` value Meta sends: `sha256=` and the hex HMAC-SHA256 of the exact body
 * bytes, keyed with the app secret.
 */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
