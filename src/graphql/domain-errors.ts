import { GraphQLError, locatedError } from 'graphql';
import { SubscriberTooSlowError } from '../live';
import { SendErrorKind, isSendError, type AnySendError } from '../sending';
import {
  GraphApiError,
  UpstreamFailureKind,
  isUpstreamFailure,
  unreachableKind,
  type AnyUpstreamFailure,
} from '../upstream';
import { GatewayError, GatewayErrorCode, badInput } from './gateway-error';
import { CursorAheadError, CursorExpiredError, InvalidCursorError } from '../store-kit';

/**
 * The one place where the domain's errors become GraphQL errors: the sending domain's and the upstream
 * client's, each by an exhaustive switch over its `kind`, and the live streams'. Anything else is
 * returned as it is, for `formatError` to mask as an internal error.
 */
export function toGatewayError(error: unknown): unknown {
  if (isSendError(error)) return fromSendError(error);
  if (isUpstreamFailure(error)) return fromUpstreamFailure(error);
  return fromLiveError(error);
}

/**
 * An operation's error with its domain cause mapped (`toGatewayError`), where graphql-js or graphql-ws
 * wrapped what a resolver or a subscription's stream threw; its path and locations are kept.
 */
export function withGatewayCause(error: GraphQLError): GraphQLError {
  const cause = error.originalError;
  if (cause === undefined || cause instanceof GraphQLError) return error;
  const mapped = toGatewayError(cause);
  return mapped instanceof GraphQLError ? locatedError(mapped, error.nodes, error.path) : error;
}

/** Meta's rate-limit codes: the account's calls (4, 80008) and the app's throughput (130429). */
const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 80007, 80008, 130429]);
/** The token lacks a permission (10, 200–299): the gateway's setup, which the caller cannot fix by retrying. */
const isPermissionCode = (code: number): boolean => code === 10 || (code >= 200 && code <= 299);
/** An expired or invalid token: the gateway's configuration, not the caller's input. */
const TOKEN_CODE = 190;
/** Meta's invalid-parameter code; its 2388xxx subcodes are the template review's refusals. */
const INVALID_PARAMETER_CODE = 100;

/**
 * An admin call's failure (template create, delete) as a GraphQL error. Unlike a send, such a call has no
 * payload to carry Meta's refusal, so a Graph API error becomes an error with a stable `extensions.code`
 * and Meta's code, subcode and explanation beside it (Meta's texts are redacted of secrets when the client
 * reads the answer); every other failure is mapped as `toGatewayError` maps it.
 */
export function toAdminCallError(error: unknown): unknown {
  if (!(error instanceof GraphApiError)) return toGatewayError(error);
  const meta = {
    metaCode: error.code,
    ...(error.subcode === undefined ? {} : { metaSubcode: error.subcode }),
    metaMessage: error.message,
    ...(error.userTitle === undefined ? {} : { metaTitle: error.userTitle }),
    ...(error.userMessage === undefined ? {} : { metaUserMessage: error.userMessage }),
    ...(error.details === undefined ? {} : { metaDetails: error.details }),
    ...(error.fbtraceId === undefined ? {} : { fbtraceId: error.fbtraceId }),
  };
  const explained = error.userMessage ?? error.details ?? error.message;
  if (RATE_LIMIT_CODES.has(error.code)) {
    return new GatewayError(
      GatewayErrorCode.RATE_LIMITED,
      `Meta is limiting this account's calls (code ${error.code}); try again later. ${explained}`,
      { retryAfterSeconds: 60, ...meta },
    );
  }
  if (error.code === INVALID_PARAMETER_CODE) {
    return new GatewayError(
      GatewayErrorCode.BAD_USER_INPUT,
      `Meta refused the request (code ${error.code}${error.subcode === undefined ? '' : `, subcode ${error.subcode}`}): ${explained}`,
      meta,
    );
  }
  if (error.code === TOKEN_CODE || isPermissionCode(error.code)) {
    return new GatewayError(
      GatewayErrorCode.FORBIDDEN,
      `The gateway's access token may not do this (code ${error.code}): ${explained}`,
      meta,
    );
  }
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_UNAVAILABLE,
    `The Cloud API failed the call (code ${error.code}): ${explained}`,
    meta,
  );
}

/** A `since` the stream cannot serve (too old, ahead of it, malformed) is the client's to fix. */
function fromLiveError(error: unknown): unknown {
  if (
    error instanceof CursorExpiredError ||
    error instanceof CursorAheadError ||
    error instanceof InvalidCursorError
  ) {
    return badInput('since', error.message);
  }
  if (error instanceof SubscriberTooSlowError) {
    return new GatewayError(GatewayErrorCode.RATE_LIMITED, error.message);
  }
  return error;
}

function fromSendError(error: AnySendError): GraphQLError {
  switch (error.kind) {
    case SendErrorKind.INVALID_INPUT:
      return badInput(error.field, error.message);
    case SendErrorKind.IDEMPOTENCY_KEY_REUSED:
      return badInput('input.idempotencyKey', error.message);
    case SendErrorKind.RATE_LIMITED:
      return new GatewayError(GatewayErrorCode.RATE_LIMITED, error.message, {
        retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
        retryAfterMs: error.retryAfterMs,
      });
    case SendErrorKind.IDEMPOTENCY_KEY_BUSY:
      return new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, error.message, {
        retryAfterSeconds: 1,
        outcomeUnknown: true,
      });
    case SendErrorKind.OUTCOME_UNKNOWN:
      return new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, error.message, { outcomeUnknown: true });
    case SendErrorKind.NO_MESSAGE_ID:
      return new GatewayError(GatewayErrorCode.UPSTREAM_UNAVAILABLE, error.message);
    default: {
      const unreachable: never = error;
      throw new Error(`Unhandled send error ${String(unreachable)}`);
    }
  }
}

/** Transport failures are the gateway's errors, not a rejection of a message by Meta. */
function fromUpstreamFailure(error: AnyUpstreamFailure): unknown {
  switch (error.kind) {
    // The call may have reached Meta: for a send, the message may have gone out.
    case UpstreamFailureKind.TIMEOUT:
      return new GatewayError(
        GatewayErrorCode.UPSTREAM_TIMEOUT,
        'The Cloud API did not answer in time; the call may or may not have taken effect.',
        { outcomeUnknown: true },
      );
    case UpstreamFailureKind.UNAVAILABLE:
      return new GatewayError(
        GatewayErrorCode.UPSTREAM_UNAVAILABLE,
        'The Cloud API is failing; calls are paused for a short while. Try again later.',
      );
    case UpstreamFailureKind.NETWORK:
      return new GatewayError(
        GatewayErrorCode.UPSTREAM_UNAVAILABLE,
        'The Cloud API cannot be reached; try again later.',
      );
    // Callers that can show Meta's refusal (a send's payload, a phone number's diagnosis) do so before
    // calling this; elsewhere it is an internal error, masked, with its cause in the log. So is an
    // argument the resolvers should have refused.
    case UpstreamFailureKind.GRAPH_API:
    case UpstreamFailureKind.INVALID_ARGUMENT:
      return error;
    default:
      return unreachableKind(error);
  }
}
