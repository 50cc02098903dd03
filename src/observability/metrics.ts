import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The most distinct GraphQL operation names kept as labels; later names are counted as `other`. */
const DEFAULT_MAX_OPERATION_NAMES = 100;

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;

export interface MetricsOptions {
  /** Also export Node's process metrics (memory, event-loop lag, handles). Default true. */
  processMetrics?: boolean;
  /**
   * Distinct operation names kept as label values (clients choose them, so they must be bounded).
   * Past the bound, and for names that are not GraphQL names, the label is `other`. Default 100.
   */
  maxOperationNames?: number;
}

/** One try of an upstream call, as the Graph API client reports it (the shape of `UpstreamRequestInfo`). */
export interface UpstreamObservation {
  endpoint: string;
  httpStatus?: number;
  code?: number;
  durationMs: number;
  outcome: string;
}

/** One notification's statuses by kind and outcome (the shape of `WebhookEventCounts`). */
export interface WebhookObservation {
  statuses: ReadonlyArray<{ status: string; outcome: string; count: number }>;
  unknownStatuses: number;
  inbound: number;
  /** Parts of the body that could not be read (kept as account events). */
  unreadable: number;
  /** Account events recorded, by kind. */
  accountEvents: ReadonlyArray<{ kind: string; count: number }>;
  /** Changes of the `calls` field (their calls are stored as call events). */
  calls: number;
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways may share a process in
 * tests). Every label value comes from a small closed set — routes, status codes, error codes, bounded
 * operation names — and never from a header, a key, a token or a message.
 */
/** Latency buckets of requests the gateway answers itself: from 5 ms to 10 s. */
const REQUEST_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/**
 * A histogram's per-label-set children, kept by a joined key: prom-client sorts and joins the label
 * object on every `observe`, which several observations per request make a measurable cost. Label
 * values come from closed sets (see above), so the map stays small.
 */
class LabelledHistogram<L extends string> {
  private readonly children = new Map<string, { observe(value: number): void }>();

  constructor(private readonly histogram: Histogram<L>) {}

  observe(
    values: readonly string[],
    labels: () => Partial<Record<L, string | number>>,
    seconds: number,
  ): void {
    const key = values.join('\u0000');
    let child = this.children.get(key);
    if (child === undefined) {
      child = this.histogram.labels(labels());
      this.children.set(key, child);
    }
    child.observe(seconds);
  }
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly maxOperationNames: number;

  private readonly httpRequests = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly operations = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP by operation name, type and outcome (ok or the error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: REQUEST_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly upstream = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: "Tries of Graph API calls by endpoint, HTTP status (or 'none') and Meta error code (or 'none').",
    labelNames: ['endpoint', 'status', 'code', 'outcome'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly webhookStatuses = new Counter({
    name: 'gateway_webhook_statuses_total',
    help: 'Statuses received by webhook, by status and outcome (applied, duplicate, failed, unknown).',
    labelNames: ['status', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly webhookInbound = new Counter({
    name: 'gateway_webhook_inbound_messages_total',
    help: 'Inbound customer messages received by webhook.',
    registers: [this.registry],
  });

  private readonly webhookUnreadable = new Counter({
    name: 'gateway_webhook_unreadable_parts_total',
    help: 'Parts of webhook bodies the gateway could not read; each is kept as a WEBHOOK_ERROR account event.',
    registers: [this.registry],
  });

  private readonly webhookAccountEvents = new Counter({
    name: 'gateway_webhook_account_events_total',
    help: 'Account events recorded from webhooks, by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly webhookCalls = new Counter({
    name: 'gateway_webhook_calls_total',
    help: 'Changes of the calls webhook field (their calls are stored as call events).',
    registers: [this.registry],
  });

  private readonly subscriptions = new Gauge({
    name: 'gateway_subscriptions_active',
    help: 'GraphQL subscriptions currently live.',
    registers: [this.registry],
  });

  private readonly redisErrors = new Counter({
    name: 'gateway_redis_errors_total',
    help: 'Errors reported by Redis connections, by connection role.',
    labelNames: ['connection'] as const,
    registers: [this.registry],
  });

  private readonly breaker = new Gauge({
    name: 'gateway_upstream_circuit_state',
    help: 'The Graph API circuit breaker: 1 for the current state, 0 for the others.',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor(options: MetricsOptions = {}) {
    this.maxOperationNames = options.maxOperationNames ?? DEFAULT_MAX_OPERATION_NAMES;
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.breakerState('closed');
  }

  /** The `Content-Type` of `render()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private readonly httpRequestsByLabels = new LabelledHistogram(this.httpRequests);
  private readonly operationsByLabels = new LabelledHistogram(this.operations);
  private readonly upstreamByLabels = new LabelledHistogram(this.upstream);

  httpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    const code = String(statusCode);
    this.httpRequestsByLabels.observe(
      [method, route, code],
      () => ({ method, route, status_code: code }),
      seconds,
    );
  }

  graphqlOperation(name: string | null, type: string, outcome: string, seconds: number): void {
    const operation = this.operationLabel(name);
    this.operationsByLabels.observe(
      [operation, type, outcome],
      () => ({ operation, type, outcome }),
      seconds,
    );
  }

  upstreamRequest(info: UpstreamObservation): void {
    const status = info.httpStatus === undefined ? 'none' : String(info.httpStatus);
    const code = info.code === undefined ? 'none' : String(info.code);
    const { endpoint, outcome } = info;
    this.upstreamByLabels.observe(
      [endpoint, status, code, outcome],
      () => ({ endpoint, status, code, outcome }),
      info.durationMs / 1000,
    );
  }

  webhookEvents(counts: WebhookObservation): void {
    for (const row of counts.statuses) {
      this.webhookStatuses.inc({ status: row.status, outcome: row.outcome }, row.count);
    }
    if (counts.unknownStatuses > 0) {
      this.webhookStatuses.inc({ status: 'unknown', outcome: 'ignored' }, counts.unknownStatuses);
    }
    if (counts.inbound > 0) this.webhookInbound.inc(counts.inbound);
    if (counts.unreadable > 0) this.webhookUnreadable.inc(counts.unreadable);
    for (const row of counts.accountEvents) this.webhookAccountEvents.inc({ kind: row.kind }, row.count);
    if (counts.calls > 0) this.webhookCalls.inc(counts.calls);
  }

  /** For the WebSocket layer: one call when a subscription starts, one when it ends (however it ends). */
  subscriptionStarted(): void {
    this.subscriptions.inc();
  }

  subscriptionEnded(): void {
    this.subscriptions.dec();
  }

  redisError(connection: string): void {
    this.redisErrors.inc({ connection });
  }

  breakerState(state: (typeof BREAKER_STATES)[number]): void {
    for (const candidate of BREAKER_STATES)
      this.breaker.set({ state: candidate }, candidate === state ? 1 : 0);
  }

  private operationLabel(name: string | null): string {
    if (name === null || name === '') return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operationNames.size >= this.maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
