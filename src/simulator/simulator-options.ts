import { DEFAULT_TEMPLATE_COUNT, TEMPLATE_LIMIT } from './template-library';

/** The logging surface the simulator uses; a pino logger fits it. Silent when not given. */
export interface SimulatorLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

/** How webhook deliveries that got a non-2xx answer, or none, are retried (as Meta does, but faster). */
export interface WebhookRetryOptions {
  /** Delay before the first retry; each later retry doubles it. Default 200 ms. */
  initialDelayMs?: number;
  /** Upper bound of one delay. Default 5,000 ms. */
  maxDelayMs?: number;
  /** Attempts per webhook, the first included; after the last one it is given up (logged). Default 8. */
  maxAttempts?: number;
  /** An attempt without a complete answer within this time counts as no answer. Default 5,000 ms. */
  attemptTimeoutMs?: number;
}

export interface SimulatorOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; `0` (the default) takes any free port. */
  port?: number;
  /**
   * The only Graph API version accepted in paths (`v23.0`). Unset (the default): any `v<major>.<minor>`.
   * A path with another version answers `Unknown path components` (code 100, HTTP 400).
   */
  apiVersion?: string;
  /** The app secret webhooks are signed with (`X-Hub-Signature-256`). Required. */
  appSecret: string;
  /** Where statuses are POSTed. Unset: no webhooks are sent (sends still succeed). */
  webhookUrl?: string;
  /** Gap between successive webhooks of one message. Default 150 ms. */
  webhookDelayMs?: number;
  /** Retry policy of webhook deliveries. */
  webhookRetry?: WebhookRetryOptions;
  /** The business phone number id answering AVAILABLE. Default `106540352242922`. */
  phoneNumberId?: string;
  /** Its display number. Default `+1 555-078-3881` (webhook metadata carries its digits). */
  displayPhoneNumber?: string;
  /** Its verified business name. Default `Simulated Order Updates`. */
  verifiedName?: string;
  /** The WhatsApp Business Account id. Default `102290129340398`. */
  wabaId?: string;
  /** The Meta business id in health_status. Default `1043217709342811`. */
  businessId?: string;
  /** The app id in debug_token and health_status. Default `829461733215840`. */
  appId?: string;
  /** How long the hang scenario holds a send before answering. Default 30,000 ms. */
  hangMs?: number;
  /** Largest request body accepted; larger answers 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Templates in the business account: the seed catalogue, then filler templates up to this count
   * (at most Meta's 6,000; fewer than the seeds keeps the seeds). Default 60: three pages of 25.
   */
  templateCount?: number;
  /** How long the simulated review of a created template takes before its webhook. Default 1,000 ms. */
  templateReviewDelayMs?: number;
  logger?: SimulatorLogger;
}

/** Options with every default applied; produced once by `resolveSimulatorOptions`. */
export interface ResolvedSimulatorOptions {
  host: string;
  port: number;
  apiVersion: string | undefined;
  appSecret: string;
  webhookUrl: string | undefined;
  webhookDelayMs: number;
  webhookRetry: Required<WebhookRetryOptions>;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  wabaId: string;
  businessId: string;
  appId: string;
  hangMs: number;
  maxBodyBytes: number;
  templateCount: number;
  templateReviewDelayMs: number;
  logger: SimulatorLogger;
}

/** Identities the simulator uses when options leave them out (placeholder ids, never real accounts). */
export const SIMULATOR_DEFAULTS = Object.freeze({
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+1 555-078-3881',
  verifiedName: 'Simulated Order Updates',
  wabaId: '102290129340398',
  businessId: '1043217709342811',
  appId: '829461733215840',
});

const noop = (): void => undefined;

/** A logger that drops everything. */
export const SILENT_SIMULATOR_LOGGER: SimulatorLogger = Object.freeze({
  info: noop,
  warn: noop,
  error: noop,
  debug: noop,
});

const VERSION_PATTERN = /^v\d+\.\d+$/;

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved < 0) {
    throw new RangeError(`Simulator option ${name} must be a finite number >= 0, got ${String(value)}.`);
  }
  return resolved;
}

/** Throws a TypeError naming the option when `url` is not an absolute http(s) URL. */
export function checkWebhookUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new TypeError(`Simulator option webhookUrl must be an absolute URL, got ${url}.`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TypeError(`Simulator option webhookUrl must be http or https, got ${protocol}.`);
  }
}

function templateCountOption(value: number | undefined): number {
  const count = value ?? DEFAULT_TEMPLATE_COUNT;
  if (!Number.isInteger(count) || count < 0 || count > TEMPLATE_LIMIT) {
    throw new RangeError(
      `Simulator option templateCount must be a whole number from 0 to ${TEMPLATE_LIMIT}, got ${String(value)}.`,
    );
  }
  return count;
}

/** Applies defaults and checks the options; throws a RangeError/TypeError that names the option to fix. */
export function resolveSimulatorOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  if (typeof options.appSecret !== 'string' || options.appSecret.length === 0) {
    throw new TypeError('Simulator option appSecret is required: webhooks are signed with it.');
  }
  if (options.apiVersion !== undefined && !VERSION_PATTERN.test(options.apiVersion)) {
    throw new RangeError(`Simulator option apiVersion must look like v23.0, got ${options.apiVersion}.`);
  }
  if (options.webhookUrl !== undefined) checkWebhookUrl(options.webhookUrl);
  const retry = options.webhookRetry ?? {};
  const maxAttempts = nonNegative('webhookRetry.maxAttempts', retry.maxAttempts, 8);
  if (maxAttempts < 1) throw new RangeError('Simulator option webhookRetry.maxAttempts must be at least 1.');
  return {
    host: options.host ?? '127.0.0.1',
    port: nonNegative('port', options.port, 0),
    apiVersion: options.apiVersion,
    appSecret: options.appSecret,
    webhookUrl: options.webhookUrl,
    webhookDelayMs: nonNegative('webhookDelayMs', options.webhookDelayMs, 150),
    webhookRetry: {
      initialDelayMs: nonNegative('webhookRetry.initialDelayMs', retry.initialDelayMs, 200),
      maxDelayMs: nonNegative('webhookRetry.maxDelayMs', retry.maxDelayMs, 5000),
      maxAttempts,
      attemptTimeoutMs: nonNegative('webhookRetry.attemptTimeoutMs', retry.attemptTimeoutMs, 5000),
    },
    phoneNumberId: options.phoneNumberId ?? SIMULATOR_DEFAULTS.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber ?? SIMULATOR_DEFAULTS.displayPhoneNumber,
    verifiedName: options.verifiedName ?? SIMULATOR_DEFAULTS.verifiedName,
    wabaId: options.wabaId ?? SIMULATOR_DEFAULTS.wabaId,
    businessId: options.businessId ?? SIMULATOR_DEFAULTS.businessId,
    appId: options.appId ?? SIMULATOR_DEFAULTS.appId,
    hangMs: nonNegative('hangMs', options.hangMs, 30_000),
    maxBodyBytes: nonNegative('maxBodyBytes', options.maxBodyBytes, 1024 * 1024),
    templateCount: templateCountOption(options.templateCount),
    templateReviewDelayMs: nonNegative('templateReviewDelayMs', options.templateReviewDelayMs, 1000),
    logger: options.logger ?? SILENT_SIMULATOR_LOGGER,
  };
}
