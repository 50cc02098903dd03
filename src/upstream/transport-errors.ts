import { type UpstreamEndpoint } from './upstream-endpoint';

/**
 * No answer within the configured bound. The request may or may not have reached Meta, so a send that
 * timed out is never retried automatically (it might be delivered twice).
 */
export class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
  readonly endpoint: UpstreamEndpoint;
  readonly timeoutMs: number;

  constructor(endpoint: UpstreamEndpoint, timeoutMs: number) {
    super(`The Graph API did not answer ${endpoint} within ${timeoutMs} ms.`);
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, endpoint: this.endpoint, timeoutMs: this.timeoutMs };
  }
}

/**
 * The connection failed (refused, reset, closed, name not resolved). Carries only the system error code:
 * never the transport's own error, whose properties can hold the request and its headers.
 */
export class UpstreamNetworkError extends Error {
  override readonly name = 'UpstreamNetworkError';
  readonly endpoint: UpstreamEndpoint;
  /** The system or transport code, e.g. `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`. */
  readonly errorCode: string;
  /** True when the status line had arrived and the body was cut off: Meta's logic had already run. */
  readonly responseStarted: boolean;

  constructor(endpoint: UpstreamEndpoint, errorCode: string, responseStarted: boolean) {
    const when = responseStarted ? 'while reading the answer' : 'before an answer';
    super(`The connection to the Graph API failed ${when} to ${endpoint} (${errorCode}).`);
    this.endpoint = endpoint;
    this.errorCode = errorCode;
    this.responseStarted = responseStarted;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      endpoint: this.endpoint,
      errorCode: this.errorCode,
      responseStarted: this.responseStarted,
    };
  }
}

/** A caller passed an argument that cannot go into a Graph API path or body; nothing was sent. */
export class InvalidUpstreamArgumentError extends Error {
  override readonly name = 'InvalidUpstreamArgumentError';
  readonly argument: string;

  constructor(argument: string, expectation: string) {
    super(`${argument} ${expectation}.`);
    this.argument = argument;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, argument: this.argument };
  }
}
