import { type EpochMillis } from './epoch-millis';

/** A page position in `messages`: the (createdAt, id) of the last record of the previous page. */
export interface PagePosition {
  createdAt: EpochMillis;
  id: string;
}

/** Thrown by `list` when `after` is not a cursor it produced. */
export class InvalidPageCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not a messages page cursor; pass the endCursor of a previous page, or null.`);
    this.name = 'InvalidPageCursorError';
  }
}

/** Opaque to clients: base64url of `[createdAt, id]`. */
export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

export function decodePageCursor(cursor: string): PagePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPageCursorError(cursor);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'number' ||
    !Number.isSafeInteger(parsed[0]) ||
    typeof parsed[1] !== 'string'
  ) {
    throw new InvalidPageCursorError(cursor);
  }
  return { createdAt: parsed[0], id: parsed[1] };
}

/**
 * Newest-first order of the `messages` list: createdAt descending, then id descending (byte order, as
 * Redis orders equal scores in a sorted set).
 */
export function compareNewestFirst(a: PagePosition, b: PagePosition): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
