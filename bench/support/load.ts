import autocannon, { type Request } from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections. Default 50. */
  connections?: number;
  durationSeconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  overallRate?: number;
  /** Builds each request (fresh ids, signatures). */
  setupRequest?: (request: Request) => Request;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Socket errors, timeouts and non-2xx answers. */
  failures: number;
  seconds: number;
}

/** One autocannon run. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'POST',
    headers: options.headers ?? {},
    ...(options.body !== undefined && { body: options.body }),
    connections: options.connections ?? 50,
    duration: options.durationSeconds,
    ...(options.overallRate !== undefined && { overallRate: options.overallRate }),
    ...(options.setupRequest && { requests: [{ setupRequest: options.setupRequest }] }),
    timeout: 10,
  });
  const seconds = result.duration;
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    seconds,
  };
}

/** A short unmeasured run (JIT, pools, caches), then the measured one. */
export async function warmThenMeasure(options: LoadOptions, warmUpSeconds: number): Promise<LoadResult> {
  await runLoad({ ...options, durationSeconds: warmUpSeconds });
  return runLoad(options);
}
