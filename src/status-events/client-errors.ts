import { CursorAheadError, CursorExpiredError, InvalidCursorError, parseStreamCursor } from '../messages';
import { type Logger } from '../observability';
import { GatewayError, GatewayErrorCode } from '../graphql/gateway-error';

/** Checks a client's `since`; a malformed cursor is the client's error. */
export function parseSince(since: string): string {
  try {
    parseStreamCursor(since);
    return since;
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new GatewayError(GatewayErrorCode.BAD_USER_INPUT, error.message, { field: 'since' });
    }
    throw error;
  }
}

/**
 * The error a subscriber gets when its stream ends: a cursor the stream cannot serve (too old, ahead of
 * it, malformed) is the client's to fix; anything else is logged here, once, and masked.
 */
export function toClientError(error: unknown, logger: Logger): GatewayError {
  if (error instanceof GatewayError) return error;
  if (
    error instanceof CursorExpiredError ||
    error instanceof CursorAheadError ||
    error instanceof InvalidCursorError
  ) {
    return new GatewayError(GatewayErrorCode.BAD_USER_INPUT, error.message, { field: 'since' });
  }
  logger.error({ err: error }, 'A live subscription failed.');
  return new GatewayError(GatewayErrorCode.INTERNAL_SERVER_ERROR, 'The live event stream failed.');
}

/** A subscriber that does not read what it is sent, past its buffer. */
export function tooFarBehind(): GatewayError {
  return new GatewayError(
    GatewayErrorCode.RATE_LIMITED,
    'This subscriber fell too far behind; resubscribe with `since` set to the last cursor received.',
  );
}
