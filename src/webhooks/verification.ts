import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a handshake was refused; for the log line only (the answer is a bare 403 whatever the reason). */
export type SubscriptionRefusal = 'mode' | 'token' | 'challenge';

export type SubscriptionCheck = { ok: true; challenge: string } | { ok: false; reason: SubscriptionRefusal };

/**
 * Meta's verification handshake (`GET {callback}?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`).
 * Accepts the flat keys a plain query-string parser yields (`'hub.mode'`) and the nested object a
 * `qs`-style parser yields (`hub: { mode }`). A repeated parameter (an array) is refused, not guessed at.
 *
 * The challenge is returned exactly as sent, to be answered as text; a missing or empty one is refused
 * because echoing nothing would look like success to no one. An empty `verifyToken` matches nothing.
 */
export function verifySubscription(query: Record<string, unknown>, verifyToken: string): SubscriptionCheck {
  if (hubParam(query, 'mode') !== 'subscribe') return { ok: false, reason: 'mode' };
  const token = hubParam(query, 'verify_token');
  if (token === undefined || verifyToken === '' || !constantTimeEquals(token, verifyToken)) {
    return { ok: false, reason: 'token' };
  }
  const challenge = hubParam(query, 'challenge');
  if (challenge === undefined || challenge === '') return { ok: false, reason: 'challenge' };
  return { ok: true, challenge };
}

function hubParam(query: Record<string, unknown>, name: string): string | undefined {
  const flat = query[`hub.${name}`];
  if (typeof flat === 'string') return flat;
  const nested = query['hub'];
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    const value = (nested as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Compares digests rather than the strings themselves so that the buffers always have equal length and
 * neither the token's content nor its length leaks through timing.
 */
function constantTimeEquals(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
