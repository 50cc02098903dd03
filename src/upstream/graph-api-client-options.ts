import { type Logger } from '../observability';
import { type BreakerOptions } from './circuit-breaker';
import { InvalidUpstreamArgumentError } from './errors';
import { type RetryOptions } from './retry-policy';
import { type UpstreamEndpoint } from './upstream-endpoint';
import { wholeNumberOption } from './option-checks';

/** What one HTTP request to the Graph API came to; given to `onRequestComplete` once per try. */
export interface UpstreamRequestInfo {
  endpoint: UpstreamEndpoint;
  /** The try within its logical call, from 1. */
  attempt: number;
  /** Absent when no answer arrived. */
  httpStatus?: number;
  /** Meta's error code when the answer was an error. */
  code?: number;
  durationMs: number;
  outcome: 'success' | 'error' | 'timeout' | 'network';
}

export interface GraphApiClientOptions {
  /** Origin (and optional path prefix) of the Graph API, e.g. `https://graph.facebook.com`. */
  baseUrl: string;
  /** The Graph API version of every path, e.g. `v23.0`. */
  apiVersion: string;
  /** Bearer token of sends and phone-number reads. Never logged, never put in an error. */
  accessToken: string;
  /** Bearer token of `debug_token` (an app token `{app-id}|{app-secret}`). Default: `accessToken`. */
  appAccessToken?: string;
  /**
   * Bound of one try, in ms: the answer's headers must arrive within it once the request is sent, and
   * its body may not pause longer than it; also the connect timeout (at most 10 s). Past it the try
   * fails with `UpstreamTimeoutError` (reads retry it, sends do not). Default 10,000.
   */
  requestTimeoutMs?: number;
  /** Retries of transient failures; see `RetryOptions` for the defaults (3 tries, 100 ms to 2 s). */
  retry?: RetryOptions;
  /** The circuit breaker; see `BreakerOptions` for the defaults (5 failures, 10 s). */
  breaker?: BreakerOptions;
  /** Receives one debug line per try; never a token, a URL or a query string. */
  logger: Logger;
  /** Most keep-alive sockets open at once to the Graph API; further calls queue. Default 64. */
  connections?: number;
  /** Answers larger than this (bytes) are cut off and treated as unexpected. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Called after every try, for metrics. Its failures are logged and otherwise ignored. */
  onRequestComplete?: (info: UpstreamRequestInfo) => void;
}

/** The options once checked, with their defaults. */
export interface ResolvedClientOptions {
  origin: string;
  /** `/{prefix}/{version}`, with no trailing slash. */
  versionPath: string;
  accessToken: string;
  appAccessToken: string;
  requestTimeoutMs: number;
  connections: number;
  maxResponseBytes: number;
}

/** Checks the options at construction; every message names the option and never echoes a token. */
export function resolveClientOptions(options: GraphApiClientOptions): ResolvedClientOptions {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new RangeError('baseUrl must be an absolute http(s) URL such as https://graph.facebook.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError('baseUrl must use http or https.');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new RangeError('baseUrl must not carry credentials, a query or a fragment.');
  }
  if (!/^v\d{1,3}(\.\d{1,3})?$/.test(options.apiVersion)) {
    throw new RangeError('apiVersion must look like v23.0.');
  }
  const accessToken = checkToken('accessToken', options.accessToken);
  const appAccessToken =
    options.appAccessToken === undefined ? accessToken : checkToken('appAccessToken', options.appAccessToken);
  const prefix = url.pathname.replace(/\/+$/, '');
  return {
    origin: url.origin,
    versionPath: `${prefix}/${options.apiVersion}`,
    accessToken,
    appAccessToken,
    requestTimeoutMs: wholeNumberOption('requestTimeoutMs', options.requestTimeoutMs, 10_000, 1),
    connections: wholeNumberOption('connections', options.connections, 64, 1),
    maxResponseBytes: wholeNumberOption('maxResponseBytes', options.maxResponseBytes, 1024 * 1024, 1024),
  };
}

/** A token goes into a header: it must be one visible-ASCII word. */
function checkToken(name: string, token: string): string {
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token)) {
    throw new RangeError(`${name} must be a non-empty token of visible ASCII characters without spaces.`);
  }
  return token;
}

/** A phone number id goes into the path: digits only, so nothing else can be injected there. */
export function phoneNumberIdSegment(phoneNumberId: string): string {
  if (typeof phoneNumberId !== 'string' || !/^\d{1,32}$/.test(phoneNumberId)) {
    throw new InvalidUpstreamArgumentError(
      'phoneNumberId',
      "must be Meta's numeric phone number id (digits only)",
    );
  }
  return encodeURIComponent(phoneNumberId);
}

/** A bounded, non-empty string argument that goes into a body or a query. */
export function requireText(name: string, value: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new InvalidUpstreamArgumentError(
      name,
      `must be a non-empty string of at most ${maxLength} characters`,
    );
  }
  return value;
}
