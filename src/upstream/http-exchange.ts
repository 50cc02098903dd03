import { type Dispatcher } from 'undici';
import { UpstreamNetworkError, UpstreamTimeoutError } from './errors';
import { type UpstreamEndpoint } from './upstream-endpoint';

export interface ExchangeRequest {
  endpoint: UpstreamEndpoint;
  method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  path: string;
  /** The request's headers (authorization included), built once by the client. */
  headers: Record<string, string>;
  /** The JSON body, already serialised. */
  body?: string;
  /**
   * Bound of the answer: its headers must arrive within this many ms of sending, and its body may
   * pause no longer than this between two chunks. Enforced by undici's own timers on the socket.
   */
  timeoutMs: number;
}

export interface ExchangeResult {
  httpStatus: number;
  /** The body as text; `undefined` when it exceeded the pool's `maxResponseSize`. */
  text: string | undefined;
}

/** undici's codes for its own header and body timers. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** undici's code for an answer over the pool's `maxResponseSize` (it drops that connection). */
const TOO_LARGE_CODE = 'UND_ERR_RES_EXCEEDED_MAX_SIZE';

/**
 * One HTTP request to the Graph API and its whole answer. Transport failures become
 * {@link UpstreamTimeoutError} or {@link UpstreamNetworkError}, which keep only an error code: the
 * transport's own errors can reference the request and its headers, so they are never passed on.
 *
 * The timeouts are undici's (`headersTimeout`, `bodyTimeout`), not a timer and an AbortController per
 * call: the socket's own timers cost nothing when the answer comes in time, which is nearly always.
 */
export async function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Promise<ExchangeResult> {
  let httpStatus: number | undefined;
  try {
    const response = await dispatcher.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
    });
    httpStatus = response.statusCode;
    return { httpStatus, text: await response.body.text() };
  } catch (err) {
    const code = errorCodeOf(err);
    if (TIMEOUT_CODES.has(code)) throw new UpstreamTimeoutError(request.endpoint, request.timeoutMs);
    if (code === TOO_LARGE_CODE && httpStatus !== undefined) return { httpStatus, text: undefined };
    throw new UpstreamNetworkError(request.endpoint, code, httpStatus !== undefined);
  }
}

/** The system or transport code only (`ECONNREFUSED`, `UND_ERR_SOCKET` …), never a message. */
function errorCodeOf(err: unknown): string {
  const candidates: unknown[] = [err];
  if (err instanceof AggregateError) candidates.push(...err.errors);
  if (err instanceof Error && err.cause !== undefined) candidates.push(err.cause);
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code)) return code;
  }
  return 'UNKNOWN';
}
