import { parseErrorEnvelope } from './error-envelope';
import { redactSecrets } from './redact-secrets';
import { UpstreamFailure, UpstreamFailureKind, unreachableKind, type TransportFailure } from './errors';
import { type UpstreamEndpoint } from './upstream-endpoint';

/**
 * Codes Meta documents as worth retrying soon (error-codes.md: "yes", or a short "wait" for rate limits
 * and downtime). Everything else is permanent for the same request.
 */
export const TRANSIENT_ERROR_CODES: ReadonlySet<number> = new Set([
  1, 2, 4, 80007, 80008, 130429, 131000, 131016, 133004,
]);

/**
 * Codes Meta answers with HTTP 500 that retrying cannot fix (a permission, a certificate, a broken
 * deregistration). Counting them as transient would retry in vain and open the breaker for every
 * phone number because of one number's setup.
 */
const PERMANENT_SERVER_ERROR_CODES: ReadonlySet<number> = new Set([3, 131045, 133000]);

/** The code given to an answer without Meta's envelope: Meta's own "API Unknown". */
const NO_ENVELOPE_CODE = 1;

export interface GraphApiErrorInit {
  httpStatus: number;
  code: number;
  subcode?: number;
  type?: string;
  message: string;
  userTitle?: string;
  userMessage?: string;
  details?: string;
  fbtraceId?: string;
  isTransient: boolean;
  endpoint: UpstreamEndpoint;
  hasEnvelope: boolean;
}

/** Where an answer came from and which secrets it must never repeat. */
export interface GraphApiErrorContext {
  endpoint?: UpstreamEndpoint;
  /** Tokens sent with the request; removed from every text taken from the answer. */
  secrets?: readonly string[];
}

/**
 * Meta refused or failed a call: one normalised shape for every error envelope (or its absence).
 * {@link GraphApiError.fromResponse} is the one factory from an answer, as stripe-node's
 * `StripeError.generate`.
 */
export class GraphApiError extends UpstreamFailure {
  override readonly name = 'GraphApiError';
  readonly kind = UpstreamFailureKind.GRAPH_API;
  readonly httpStatus: number;
  /** Meta's `code`; 1 ("API Unknown") when the answer had no envelope. */
  readonly code: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  /** `error_data.details`: usually the most precise sentence Meta gives. */
  readonly details?: string;
  readonly fbtraceId?: string;
  /** Meta's `is_transient`, or our policy: HTTP 5xx (but for known permanent codes) or a transient code. */
  readonly isTransient: boolean;
  /** Whether Meta's error envelope was present, i.e. Meta's own logic answered. */
  readonly hasEnvelope: boolean;

  constructor(init: GraphApiErrorInit) {
    super(init.message, init.endpoint);
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.details = init.details;
    this.fbtraceId = init.fbtraceId;
    this.isTransient = init.isTransient;
    this.hasEnvelope = init.hasEnvelope;
  }

  /**
   * Builds the error from an HTTP status and whatever body came with it (object, text, bytes or
   * nothing). Never throws: a body that is empty, HTML or JSON of another shape gives code 1.
   */
  static fromResponse(httpStatus: number, body: unknown, context: GraphApiErrorContext = {}): GraphApiError {
    const endpoint = context.endpoint ?? 'unknown';
    const clean = (text: string | undefined): string | undefined =>
      text === undefined ? undefined : redactSecrets(text, context.secrets ?? []);
    try {
      const envelope = parseErrorEnvelope(body);
      if (envelope === undefined) {
        return new GraphApiError({
          httpStatus,
          code: NO_ENVELOPE_CODE,
          message: `The Graph API answered ${endpoint} with HTTP ${httpStatus} and no error envelope; check the base URL and any proxy in between.`,
          isTransient: isTransientAnswer(httpStatus, NO_ENVELOPE_CODE),
          endpoint,
          hasEnvelope: false,
        });
      }
      const code = envelope.code ?? NO_ENVELOPE_CODE;
      return new GraphApiError({
        httpStatus,
        code,
        subcode: envelope.error_subcode,
        type: envelope.type,
        message: clean(envelope.message) ?? `The Graph API answered ${endpoint} with code ${code}.`,
        userTitle: clean(envelope.error_user_title),
        userMessage: clean(envelope.error_user_msg),
        details: clean(envelope.error_data?.details),
        fbtraceId: envelope.fbtrace_id,
        isTransient: envelope.is_transient === true || isTransientAnswer(httpStatus, code),
        endpoint,
        hasEnvelope: true,
      });
    } catch {
      // Unreachable by construction; kept so that a future parser bug degrades to code 1, not a crash.
      return GraphApiError.unexpectedBody(httpStatus, endpoint);
    }
  }

  /** A 2xx whose body is not the JSON the endpoint documents: treated as Meta's code 1, never thrown raw. */
  static unexpectedBody(httpStatus: number, endpoint: UpstreamEndpoint): GraphApiError {
    return new GraphApiError({
      httpStatus,
      code: NO_ENVELOPE_CODE,
      message: `The Graph API answered ${endpoint} with HTTP ${httpStatus} but not with the documented JSON.`,
      isTransient: true,
      endpoint,
      hasEnvelope: false,
    });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      httpStatus: this.httpStatus,
      code: this.code,
      subcode: this.subcode,
      type: this.type,
      userTitle: this.userTitle,
      userMessage: this.userMessage,
      details: this.details,
      fbtraceId: this.fbtraceId,
      isTransient: this.isTransient,
    };
  }
}

function isTransientAnswer(httpStatus: number, code: number): boolean {
  if (TRANSIENT_ERROR_CODES.has(code)) return true;
  return httpStatus >= 500 && !PERMANENT_SERVER_ERROR_CODES.has(code);
}

/** Every error the client throws, discriminated by `kind`. */
export type AnyUpstreamFailure = TransportFailure | GraphApiError;

/** Whether a value is one of the client's errors (anything else is a bug, not an upstream failure). */
export function isUpstreamFailure(error: unknown): error is AnyUpstreamFailure {
  return error instanceof UpstreamFailure;
}

/**
 * Whether retrying the same call soon may succeed: network errors, timeouts, and Graph API errors that
 * are transient (HTTP 5xx but for known permanent codes; codes 1, 2, 4, 80007, 80008, 130429, 131000, 131016,
 * 133004; or Meta's `is_transient`). Also the failures the circuit breaker counts.
 */
export function isTransientFailure(err: unknown): boolean {
  if (!isUpstreamFailure(err)) return false;
  switch (err.kind) {
    case UpstreamFailureKind.NETWORK:
    case UpstreamFailureKind.TIMEOUT:
      return true;
    case UpstreamFailureKind.GRAPH_API:
      return err.isTransient;
    case UpstreamFailureKind.UNAVAILABLE:
    case UpstreamFailureKind.INVALID_ARGUMENT:
      return false;
    default:
      return unreachableKind(err);
  }
}

/**
 * The stricter rule for sends. Meta does not dedupe sends, so a retry is only safe when the first try
 * surely did not create a message: the connection failed before any answer, or Meta's own logic answered
 * with a transient error envelope. A timeout, a body cut off after the status line, or a 5xx without an
 * envelope (a proxy that may have forwarded the request) are not retried.
 *
 * A reset before any answer is retried on purpose: on a keep-alive pool its usual cause is a socket the
 * other end had already closed, so the request never reached Meta; a reset after Meta took the request
 * is rare, and a possible duplicate is the accepted price of not failing those sends.
 */
export function isRetryableSendFailure(err: unknown): boolean {
  if (!isUpstreamFailure(err)) return false;
  switch (err.kind) {
    case UpstreamFailureKind.NETWORK:
      return !err.responseStarted;
    case UpstreamFailureKind.GRAPH_API:
      return err.hasEnvelope && err.isTransient && err.httpStatus >= 400;
    case UpstreamFailureKind.TIMEOUT:
    case UpstreamFailureKind.UNAVAILABLE:
    case UpstreamFailureKind.INVALID_ARGUMENT:
      return false;
    default:
      return unreachableKind(err);
  }
}
