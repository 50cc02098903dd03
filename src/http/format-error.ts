import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GatewayError, GatewayErrorCode } from '../graphql';
import { type Logger } from '../observability';
import { isTokenLimitMessage, QueryLimit } from './query-limits';

/** Apollo's own request errors: their messages describe the client's document, never our internals. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const INTERNAL_MESSAGE = "Internal error; quote the requestId to the gateway's operators.";

/**
 * Our own error behind one of Apollo's request errors: Apollo wraps what validation rules report (the
 * query limits report `GatewayError`s) and overwrites their code.
 */
function gatewayCause(error: unknown): GatewayError | null {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof GatewayError) {
    return original.originalError;
  }
  return null;
}

/** True for errors written for the client (ours, or about the client's own document). */
export function isClientFacing(error: unknown): boolean {
  if (gatewayCause(error) !== null) return true;
  const original = unwrapResolverError(error);
  // Apollo's request errors wrap graphql-js's own errors (syntax, validation): both are about the document.
  if (
    original instanceof GraphQLError &&
    (original.originalError === undefined || original.originalError instanceof GraphQLError)
  ) {
    return (
      REQUEST_ERROR_CODES.has(String(original.extensions.code ?? '')) ||
      original.extensions.code === undefined
    );
  }
  return false;
}

/**
 * Apollo's `formatError`: keeps what was written for the client (with our code, also when Apollo wrapped
 * it), reports a document over the token limit as `QUERY_TOO_COMPLEX`, folds Apollo's request-error codes into
 * `BAD_USER_INPUT` (with the original as `reason`), and masks everything else. Never throws.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = String(extensions.code ?? '');
  const cause = gatewayCause(error);
  if (cause !== null) return { ...formatted, extensions: { ...extensions, code: cause.code } };
  if (code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitMessage(formatted.message)) {
    return {
      ...formatted,
      extensions: { ...extensions, code: GatewayErrorCode.QUERY_TOO_COMPLEX, limit: QueryLimit.TOKENS },
    };
  }
  if (isClientFacing(error)) {
    return {
      ...formatted,
      extensions:
        code === GatewayErrorCode.BAD_USER_INPUT
          ? extensions
          : {
              ...extensions,
              code: GatewayErrorCode.BAD_USER_INPUT,
              reason: code || 'GRAPHQL_VALIDATION_FAILED',
            },
    };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: GatewayErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * The one formatting step for an error a WebSocket client gets (an `error` message, or the `errors` of
 * a `next`): the same masking as over HTTP, the operation's request id, and a masked cause logged once
 * with that id. Errors about the client's own document are not logged as failures.
 */
export function formatOperationError(
  error: GraphQLError,
  requestId: string,
  logger: Logger,
): GraphQLFormattedError {
  if (!isClientFacing(error)) {
    logger.error(
      { err: error.originalError ?? error, requestId, path: error.path },
      'GraphQL operation failed',
    );
  }
  const masked = maskError(error.toJSON(), error);
  return { ...masked, extensions: { ...masked.extensions, requestId } };
}
