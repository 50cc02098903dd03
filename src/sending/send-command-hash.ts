import { createHash } from 'node:crypto';

/**
 * A stable hash of what a send would put on the wire: the sender and Meta's body, which `parseSendCommand`
 * built from the normalised input (`+1 202-555-0100` and `12025550100` are one recipient). The
 * idempotency key is not in it, and object keys are sorted, so the order a client wrote fields in does
 * not change the hash.
 */
export function hashSendCommand(request: { phoneNumberId: string; body: object }): string {
  const canonical = stableJson({ phoneNumberId: request.phoneNumberId, body: request.body });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** JSON with every object's keys sorted, and `undefined` members left out as JSON.stringify does. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
