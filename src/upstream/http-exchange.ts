import { type Dispatcher } from 'undici';
import { UpstreamNetworkError, UpstreamTimeoutError } from './transport-errors';
import { type UpstreamEndpoint } from './upstream-endpoint';

export interface ExchangeRequest {
  endpoint: UpstreamEndpoint;
  method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  path: string;
  /** Sent as `Authorization: Bearer …`. */
  token: string;
  /** Serialised as JSON when present. */
  json?: unknown;
  /** Bound of the whole exchange: waiting for a socket, sending, and reading the full answer. */
  timeoutMs: number;
  /** A larger answer is cut off and reported as an unexpected body. */
  maxResponseBytes: number;
}

export interface ExchangeResult {
  httpStatus: number;
  /** The body as text; `undefined` when it exceeded `maxResponseBytes`. */
  text: string | undefined;
}

/**
 * One HTTP request to the Graph API and its whole answer. Transport failures become
 * {@link UpstreamTimeoutError} or {@link UpstreamNetworkError}, which keep only an error code: the
 * transport's own errors can reference the request and its headers, so they are never passed on.
 */
export async function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Promise<ExchangeResult> {
  const controller = new AbortController();
  let timedOut = false;
  // One timer bounds everything, so a server that sends headers and then trickles the body is bounded too.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  let responseStarted = false;
  try {
    const headers: Record<string, string> = {
      authorization: `Bearer ${request.token}`,
      accept: 'application/json',
    };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const response = await dispatcher.request({
      method: request.method,
      path: request.path,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: controller.signal,
    });
    responseStarted = true;
    const text = await readText(response.body, request.maxResponseBytes);
    return { httpStatus: response.statusCode, text };
  } catch (err) {
    if (timedOut) throw new UpstreamTimeoutError(request.endpoint, request.timeoutMs);
    throw new UpstreamNetworkError(request.endpoint, errorCodeOf(err), responseStarted);
  } finally {
    clearTimeout(timer);
  }
}

async function readText(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > maxBytes) {
      // Destroying the body also drops its connection, which is then in an unknown state.
      body.destroy();
      return undefined;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
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
