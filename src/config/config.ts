/** An API key of the gateway's own callers, with what it may do. */
export enum Scope {
  SEND = 'send',
  READ = 'read',
  SUBSCRIBE = 'subscribe',
  ADMIN = 'admin',
}

export interface ApiKey {
  key: string;
  scopes: ReadonlySet<Scope>;
}

/** Where the WhatsApp calls go: Meta's Graph API (or a simulator run apart), or the embedded simulator. */
export type UpstreamConfig =
  | {
      mode: 'live';
      baseUrl: string;
      apiVersion: string;
      accessToken: string;
      phoneNumberId: string;
      businessAccountId: string | null;
      appId: string | null;
    }
  | {
      /** No access token configured: an in-process Cloud API simulator is started and used. */
      mode: 'simulated';
      apiVersion: string;
      /** The simulator's default sender unless one is configured. */
      phoneNumberId: string | null;
      /** The gap between the webhooks the simulator posts for one message (sent, delivered, read). */
      webhookDelayMs: number;
      /** Templates in the simulator's business account (its seeds, then fillers). */
      templateCount: number;
      /** How long the simulated review of a created template takes. */
      templateReviewDelayMs: number;
    };

export type StoreConfig =
  | { mode: 'embedded' }
  | { mode: 'redis'; url: string }
  | { mode: 'cluster'; nodes: ReadonlyArray<{ host: string; port: number }> };

export interface Config {
  port: number;
  host: string;
  /** `production` turns off introspection, the landing page and field suggestions unless asked for. */
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  upstream: UpstreamConfig;
  upstreamTimeoutMs: number;
  /** The Graph API circuit breaker: consecutive failures that open it, and how long it stays open. */
  upstreamBreaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  store: StoreConfig;
  /**
   * Starts every Redis key and pub/sub channel of the gateway. Gateways that share it share state; give
   * separate deployments on one Redis separate prefixes (pub/sub channels ignore the logical database).
   */
  redisKeyPrefix: string;
  /** Kept events: the horizon of `since` replays. */
  streamMaxLength: number;
  /**
   * How long what a message, an inbound message or a contact leaves behind is kept after its last write,
   * in ms (`MESSAGE_RETENTION_DAYS`); records expire and indexes are trimmed to match.
   */
  messageRetentionMs: number;
  /** The largest inbound medium `GET /media/{id}` streams; a larger one is refused, not truncated. */
  mediaMaxBytes: number;
  /**
   * How long a Redis command may go unanswered before it fails, in ms. A Redis that hangs (rather than
   * closing its connections) then costs a webhook this long before its 503, not until Redis wakes up.
   */
  redisCommandTimeoutMs: number;
  webhook: {
    /** HMAC key of `X-Hub-Signature-256`. Random per process when simulated and not configured. */
    appSecret: string;
    verifyToken: string;
    bodyLimitBytes: number;
  };
  /** Null: no keys configured, the gateway is open (simulated mode only). */
  apiKeys: readonly ApiKey[] | null;
  graphql: {
    introspection: boolean;
    landingPage: boolean;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxDirectives: number;
    maxSubscriptionsPerConnection: number;
    /** Largest `/graphql` request body in bytes; larger ones get 413 before any parsing. */
    maxBodyBytes: number;
    /** How long a WebSocket may stay open without `connection_init` before it is closed with 4408. */
    wsInitTimeoutMs: number;
  };
  shutdown: {
    /**
     * After SIGTERM, how long the gateway keeps serving (with `/readyz` at 503 and `Connection: close`)
     * so that load balancers stop routing to it before the listener closes.
     */
    drainDelayMs: number;
    /** The bound of the whole shutdown; past it the process exits with 1. */
    timeoutMs: number;
  };
  /**
   * Sends a second per sender: the rate every sender is held to until its throughput level is known, and
   * after that the level's own rate (80/s standard, 1,000/s high, 20/s coexistence).
   */
  sendRatePerSecond: number;
  /** True when SEND_RATE_LIMIT_PER_SECOND was set: it then caps every sender, whatever its level. */
  sendRateCapped: boolean;
  idempotencyTtlSeconds: number;
  /** Seconds between full template syncs of each business account; 0 = never. */
  templateSyncIntervalSeconds: number;
}
