import { type UpstreamEndpoint } from './upstream-endpoint';

/**
 * What went wrong with a call to the Graph API. Every error the client throws is an
 * {@link UpstreamFailure} with one of these kinds, so callers switch on `kind` (exhaustively) instead of
 * testing classes one by one.
 */
export enum UpstreamFailureKind {
  /** Meta answered with an error (or an answer that is not the documented JSON): {@link GraphApiError}. */
  GRAPH_API = 'graph_api',
  /** No answer within the configured bound; the request may have reached Meta. */
  TIMEOUT = 'timeout',
  /** The connection failed (refused, reset, closed). */
  NETWORK = 'network',
  /** Refused without a call: the circuit is open or the client is closed. */
  UNAVAILABLE = 'unavailable',
  /** A caller's argument cannot go into a path or body; nothing was sent. */
  INVALID_ARGUMENT = 'invalid_argument',
}

/**
 * The one base of the upstream errors (as stripe-node's `StripeError`): a `kind` to switch on, the
 * endpoint, and a `toJSON` for logs that holds nothing of the request (no token, no URL).
 */
export abstract class UpstreamFailure extends Error {
  abstract readonly kind: UpstreamFailureKind;
  readonly endpoint: UpstreamEndpoint;

  protected constructor(message: string, endpoint: UpstreamEndpoint) {
    super(message);
    this.endpoint = endpoint;
  }

  /** The fields a log line may show. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message, endpoint: this.endpoint };
  }
}

/**
 * No answer within the configured bound. The request may or may not have reached Meta, so a send that
 * timed out is never retried automatically (it might be delivered twice).
 */
export class UpstreamTimeoutError extends UpstreamFailure {
  override readonly name = 'UpstreamTimeoutError';
  readonly kind = UpstreamFailureKind.TIMEOUT;
  readonly timeoutMs: number;

  constructor(endpoint: UpstreamEndpoint, timeoutMs: number) {
    super(`The Graph API did not answer ${endpoint} within ${timeoutMs} ms.`, endpoint);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/**
 * The connection failed (refused, reset, closed, name not resolved). Carries only the system error code:
 * never the transport's own error, whose properties can hold the request and its headers.
 */
export class UpstreamNetworkError extends UpstreamFailure {
  override readonly name = 'UpstreamNetworkError';
  readonly kind = UpstreamFailureKind.NETWORK;
  /** The system or transport code, e.g. `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`. */
  readonly errorCode: string;
  /** True when the status line had arrived and the body was cut off: Meta's logic had already run. */
  readonly responseStarted: boolean;

  constructor(endpoint: UpstreamEndpoint, errorCode: string, responseStarted: boolean) {
    const when = responseStarted ? 'while reading the answer' : 'before an answer';
    super(`The connection to the Graph API failed ${when} to ${endpoint} (${errorCode}).`, endpoint);
    this.errorCode = errorCode;
    this.responseStarted = responseStarted;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errorCode: this.errorCode, responseStarted: this.responseStarted };
  }
}

/** The circuit is open (or the client closed): the call was refused without being sent. */
export class UpstreamUnavailableError extends UpstreamFailure {
  override readonly name = 'UpstreamUnavailableError';
  readonly kind = UpstreamFailureKind.UNAVAILABLE;

  constructor(endpoint: UpstreamEndpoint, reason = 'it failed repeatedly; calls are refused for a while') {
    super(`The Graph API is unavailable for ${endpoint}: ${reason}.`, endpoint);
  }
}

/** A caller passed an argument that cannot go into a Graph API path or body; nothing was sent. */
export class InvalidUpstreamArgumentError extends UpstreamFailure {
  override readonly name = 'InvalidUpstreamArgumentError';
  readonly kind = UpstreamFailureKind.INVALID_ARGUMENT;
  readonly argument: string;

  constructor(argument: string, expectation: string) {
    super(`${argument} ${expectation}.`, 'unknown');
    this.argument = argument;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), argument: this.argument };
  }
}

/** The transport's failures: every kind but {@link UpstreamFailureKind.GRAPH_API}. */
export type TransportFailure =
  UpstreamTimeoutError | UpstreamNetworkError | UpstreamUnavailableError | InvalidUpstreamArgumentError;

/** For the end of an exhaustive switch over {@link UpstreamFailureKind}. */
export function unreachableKind(kind: never): never {
  throw new Error(`Unhandled upstream failure kind ${String(kind)}`);
}
