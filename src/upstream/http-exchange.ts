import { type Dispatcher } from 'undici';
import { UpstreamNetworkError, UpstreamTimeoutError } from './errors';
import { type UpstreamEndpoint } from './upstream-endpoint';

export interface ExchangeRequest {
  endpoint: UpstreamEndpoint;
  method: 'GET' | 'POST' | 'DELETE';
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

/**
 * undici's header and body timers tick about every half second, so below this bound their error would
 * be a large share of the bound itself: shorter bounds keep a precise timer of their own.
 */
const COARSE_TIMER_MIN_MS = 5_000;

/** undici's codes for its own header and body timers. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** undici's code for an answer over the pool's `maxResponseSize` (it drops that connection). */
const TOO_LARGE_CODE = 'UND_ERR_RES_EXCEEDED_MAX_SIZE';

/**
 * One HTTP request to the Graph API and its whole answer. Transport failures become
 * {@link UpstreamTimeoutError} or {@link UpstreamNetworkError}, which keep only an error code: the
 * transport's own errors can reference the request and its headers, so they are never passed on.
 *
 * The timeouts of production bounds (seconds) are undici's (`headersTimeout`, `bodyTimeout`), not a
 * timer and an AbortController per call: the socket's own timers cost next to nothing when the answer
 * comes in time, which is nearly always. Bounds under {@link COARSE_TIMER_MIN_MS} get a precise timer.
 */
export async function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Promise<ExchangeResult> {
  const precise =
    request.timeoutMs < COARSE_TIMER_MIN_MS ? new PreciseDeadline(request.timeoutMs) : undefined;
  let httpStatus: number | undefined;
  try {
    const response = await dispatcher.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
      signal: precise?.signal,
    });
    httpStatus = response.statusCode;
    return { httpStatus, text: await response.body.text() };
  } catch (err) {
    const code = errorCodeOf(err);
    if (precise?.expired === true || TIMEOUT_CODES.has(code)) {
      throw new UpstreamTimeoutError(request.endpoint, request.timeoutMs);
    }
    if (code === TOO_LARGE_CODE && httpStatus !== undefined) return { httpStatus, text: undefined };
    throw new UpstreamNetworkError(request.endpoint, code, httpStatus !== undefined);
  } finally {
    precise?.clear();
  }
}

/** A timer that aborts the exchange at its bound, for bounds shorter than undici's timer resolution. */
class PreciseDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  expired = false;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
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
