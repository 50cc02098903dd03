import { randomBytes } from 'node:crypto';
import { type ApiKey, type Config, Scope, type StoreConfig, type UpstreamConfig } from './config';
import { type ConfigVariableName } from './variables';

/** The environment as the process sees it; passed in so that loading stays a pure function. */
export type Environment = Readonly<Record<string, string | undefined>>;

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; problems: string[] };

export const DEFAULT_GRAPH_API_VERSION = 'v26.0';

/**
 * Reads and validates every setting. Each problem is one line that names the variable and says what is
 * expected; a secret's value is never repeated in it.
 */
export function loadConfig(env: Environment): ConfigResult {
  const read = new EnvReader(env);
  const config = readConfig(read);
  if (read.problems.length > 0) return { ok: false, problems: [...read.problems] };
  return { ok: true, config: Object.freeze(config) };
}

/** Sees the environment only through the reader, so every name it reads is a registered one. */
function readConfig(read: EnvReader): Config {
  const accessToken = read.optionalString('WHATSAPP_ACCESS_TOKEN');
  const simulated = accessToken === null;
  const apiVersion = read.string('GRAPH_API_VERSION', DEFAULT_GRAPH_API_VERSION, /^v\d+\.\d+$/, 'like v23.0');
  const phoneNumberId = read.optionalString('WHATSAPP_PHONE_NUMBER_ID', /^\d+$/, 'digits only');

  let upstream: UpstreamConfig;
  if (simulated) {
    upstream = {
      mode: 'simulated',
      apiVersion,
      phoneNumberId,
      webhookDelayMs: read.integer('SIMULATOR_WEBHOOK_DELAY_MS', 150, 0, 60_000),
      templateCount: read.integer('SIMULATOR_TEMPLATE_COUNT', 60, 0, 6_000),
      templateReviewDelayMs: read.integer('SIMULATOR_TEMPLATE_REVIEW_DELAY_MS', 1_000, 0, 600_000),
    };
  } else {
    if (phoneNumberId === null && !read.raw('WHATSAPP_PHONE_NUMBER_ID')?.trim())
      read.problem('WHATSAPP_PHONE_NUMBER_ID', 'required when WHATSAPP_ACCESS_TOKEN is set');
    upstream = {
      mode: 'live',
      baseUrl: read.url('GRAPH_API_BASE_URL', 'https://graph.facebook.com'),
      apiVersion,
      accessToken,
      phoneNumberId: phoneNumberId ?? '',
      businessAccountId: read.optionalString('WHATSAPP_BUSINESS_ACCOUNT_ID', /^\d+$/, 'digits only'),
      appId: read.optionalString('WHATSAPP_APP_ID', /^\d+$/, 'digits only'),
    };
  }

  const appSecret = read.optionalString('WHATSAPP_APP_SECRET');
  const verifyToken = read.optionalString('WHATSAPP_VERIFY_TOKEN');
  if (!simulated && appSecret === null)
    read.problem('WHATSAPP_APP_SECRET', 'required when WHATSAPP_ACCESS_TOKEN is set');
  if (!simulated && verifyToken === null)
    read.problem('WHATSAPP_VERIFY_TOKEN', 'required when WHATSAPP_ACCESS_TOKEN is set');

  const apiKeys = parseApiKeys(read);
  if (!simulated && apiKeys === null) {
    read.problem('GATEWAY_API_KEYS', 'required when WHATSAPP_ACCESS_TOKEN is set (key:scope+scope,…)');
  }

  const environment = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = environment === 'production';
  const port = read.port('PORT', 4000);

  return {
    port,
    host: read.string('HOST', '127.0.0.1'),
    environment,
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    upstream,
    upstreamTimeoutMs: read.integer('UPSTREAM_TIMEOUT_MS', 10_000, 50, 120_000),
    upstreamBreaker: {
      consecutiveFailures: read.integer('UPSTREAM_BREAKER_FAILURES', 5, 1, 1000),
      halfOpenAfterMs: read.integer('UPSTREAM_BREAKER_OPEN_MS', 10_000, 100, 600_000),
    },
    store: readStore(read),
    redisKeyPrefix: read.string(
      'REDIS_KEY_PREFIX',
      'wa:',
      /^[A-Za-z0-9_.:-]{1,32}$/,
      'up to 32 letters, digits, or _ . : -',
    ),
    streamMaxLength: read.integer('STREAM_MAX_LENGTH', 100_000, 100, 100_000_000),
    // Meta keeps a message for an offline phone 30 days; a decimal lets a soak run in minutes.
    messageRetentionMs: Math.round(read.decimal('MESSAGE_RETENTION_DAYS', 30, 0.00001, 3650) * DAY_MS),
    redisCommandTimeoutMs: read.integer('REDIS_COMMAND_TIMEOUT_MS', 2_000, 50, 60_000),
    webhook: {
      appSecret: appSecret ?? randomBytes(32).toString('hex'),
      verifyToken: verifyToken ?? randomBytes(16).toString('hex'),
      bodyLimitBytes: read.integer('WEBHOOK_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    },
    apiKeys,
    graphql: {
      introspection: read.boolean('GRAPHQL_INTROSPECTION', !production),
      landingPage: read.boolean('GRAPHQL_LANDING_PAGE', !production),
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxCost: read.integer('GRAPHQL_MAX_COST', 20_000, 100, 10_000_000),
      maxTokens: read.integer('GRAPHQL_MAX_TOKENS', 2_000, 100, 100_000),
      maxDirectives: read.integer('GRAPHQL_MAX_DIRECTIVES', 20, 1, 1000),
      maxSubscriptionsPerConnection: read.integer('GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
      maxBodyBytes: read.integer('GRAPHQL_MAX_BODY_BYTES', 100 * 1024, 1024, 16 * 1024 * 1024),
      wsInitTimeoutMs: read.integer('GRAPHQL_WS_INIT_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    shutdown: {
      drainDelayMs: read.integer('SHUTDOWN_DRAIN_DELAY_MS', 0, 0, 120_000),
      timeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    mediaMaxBytes: read.integer('MEDIA_MAX_BYTES', 100 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    sendRatePerSecond: read.integer('SEND_RATE_LIMIT_PER_SECOND', 80, 1, 100_000),
    sendRateCapped: read.raw('SEND_RATE_LIMIT_PER_SECOND')?.trim() ? true : false,
    idempotencyTtlSeconds: read.integer('IDEMPOTENCY_TTL_SECONDS', 24 * 3600, 60, 30 * 24 * 3600),
    // 0 turns the timer off; the webhooks and `syncTemplates` still keep the catalogue current.
    templateSyncIntervalSeconds: read.integer('TEMPLATE_SYNC_INTERVAL_SECONDS', 900, 0, 7 * 24 * 3600),
  };
}

function readStore(read: EnvReader): StoreConfig {
  const clusterNodes = read.optionalString('REDIS_CLUSTER_NODES');
  if (clusterNodes !== null) {
    const nodes = clusterNodes.split(',').map((item) => {
      const match = /^([^:\s]+):(\d{1,5})$/.exec(item.trim());
      return match ? { host: match[1] as string, port: Number(match[2]) } : null;
    });
    if (nodes.some((node) => node === null || node.port < 1 || node.port > 65535)) {
      read.problem('REDIS_CLUSTER_NODES', 'expected host:port,host:port,…');
      return { mode: 'embedded' };
    }
    return { mode: 'cluster', nodes: nodes as Array<{ host: string; port: number }> };
  }
  const url = read.optionalString('REDIS_URL');
  if (url === null) return { mode: 'embedded' };
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
    read.problem('REDIS_URL', 'expected redis://host:port or rediss://…');
    return { mode: 'embedded' };
  }
  return { mode: 'redis', url };
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SCOPES = new Set<string>(Object.values(Scope));

/** `key:scope+scope,key2:scope`. Keys are at least 16 characters: they guard sends on a business's behalf. */
function parseApiKeys(read: EnvReader): ApiKey[] | null {
  const raw = read.raw('GATEWAY_API_KEYS');
  if (raw === undefined || raw.trim() === '') return null;
  const keys: ApiKey[] = [];
  for (const [index, item] of raw.split(',').entries()) {
    const separator = item.lastIndexOf(':');
    const key = separator > 0 ? item.slice(0, separator).trim() : '';
    const scopes =
      separator > 0
        ? item
            .slice(separator + 1)
            .split('+')
            .map((scope) => scope.trim())
        : [];
    if (key.length < 16 || /\s/.test(key)) {
      read.problem('GATEWAY_API_KEYS', `entry ${index + 1} needs a key of at least 16 characters before ':'`);
      continue;
    }
    const unknown = scopes.filter((scope) => !SCOPES.has(scope));
    if (scopes.length === 0 || unknown.length > 0) {
      read.problem(
        'GATEWAY_API_KEYS',
        `entry ${index + 1} has scopes other than send, read, subscribe, admin`,
      );
      continue;
    }
    keys.push({ key, scopes: new Set(scopes as Scope[]) });
  }
  return keys;
}

/** The only way into the environment: each read names a registered variable, each problem is one line. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Environment) {}

  problem(name: ConfigVariableName, text: string): void {
    this.problems.push(`${name}: ${text}`);
  }

  /** The value as given, untrimmed; unset is `undefined`. */
  raw(name: ConfigVariableName): string | undefined {
    return this.env[name];
  }

  optionalString(name: ConfigVariableName, pattern?: RegExp, expected?: string): string | null {
    const value = this.raw(name)?.trim();
    if (value === undefined || value === '') return null;
    if (pattern && !pattern.test(value)) {
      this.problem(name, `expected ${expected ?? pattern.source}`);
      return null;
    }
    return value;
  }

  string(name: ConfigVariableName, fallback: string, pattern?: RegExp, expected?: string): string {
    return this.optionalString(name, pattern, expected) ?? fallback;
  }

  optionalUrl(name: ConfigVariableName): string | null {
    const value = this.optionalString(name);
    if (value === null) return null;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      this.problem(name, 'expected an http(s) URL');
      return null;
    }
    return value.replace(/\/+$/, '');
  }

  url(name: ConfigVariableName, fallback: string): string {
    return this.optionalUrl(name) ?? fallback;
  }

  integer(name: ConfigVariableName, fallback: number, min: number, max: number): number {
    const value = this.optionalString(name);
    if (value === null) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      this.problem(name, `expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  decimal(name: ConfigVariableName, fallback: number, min: number, max: number): number {
    const value = this.optionalString(name);
    if (value === null) return fallback;
    const parsed = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || parsed < min || parsed > max) {
      this.problem(name, `expected a number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  port(name: ConfigVariableName, fallback: number): number {
    return this.integer(name, fallback, 0, 65535);
  }

  boolean(name: ConfigVariableName, fallback: boolean): boolean {
    const value = this.optionalString(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.problem(name, 'expected true or false');
    return fallback;
  }

  oneOf<T extends string>(name: ConfigVariableName, allowed: readonly T[], fallback: T): T {
    const value = this.optionalString(name);
    if (value === null) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problem(name, `expected one of ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  }
}
