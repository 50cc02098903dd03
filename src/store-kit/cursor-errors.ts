/** Why a stream cannot serve a reader's cursor; every durable stream (statuses, inbound messages, account events, calls) throws these. */

/** A stream cursor older than what the stream still keeps: events after it may be lost. */
export class CursorExpiredError extends Error {
  constructor(
    readonly cursor: string,
    readonly oldestKept: string | null,
  ) {
    super(
      `Cursor ${cursor} is older than the oldest event still kept (${oldestKept ?? 'none'}); ` +
        'reload the message state with a query, then subscribe without `since`.',
    );
    this.name = 'CursorExpiredError';
  }
}

/**
 * A stream cursor past the newest event the stream ever held: no event would ever come after it, so a
 * subscriber resuming from it would wait for nothing.
 */
export class CursorAheadError extends Error {
  constructor(
    readonly cursor: string,
    readonly newest: string | null,
  ) {
    super(
      `Cursor ${cursor} is ahead of the newest event (${newest ?? 'none yet'}); ` +
        'pass a cursor you received, or subscribe without `since`.',
    );
    this.name = 'CursorAheadError';
  }
}

/** A stream cursor that no stream could have produced. */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not an event cursor.`);
    this.name = 'InvalidCursorError';
  }
}
