import type { SimulatorOptions } from './simulator-options';
import { TEMPLATE_LIMIT } from './template-library';

/** Settings of the simulator run on its own, minus the logger the entry point adds. */
export type SimulatorEnvOptions = Omit<SimulatorOptions, 'logger'>;

export type SimulatorEnvResult =
  { ok: true; options: SimulatorEnvOptions } | { ok: false; problems: string[] };

/** Written in SIMULATOR_WEBHOOK_URL to run without webhooks. */
export const WEBHOOKS_OFF = 'off';

function parsePort(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    problems.push(`${name} must be a port number (0-65535).`);
    return fallback;
  }
  return value;
}

/** A whole number from 0 to `max`, or `undefined` when unset (the simulator's default applies). */
function wholeNumber(
  name: string,
  raw: string | undefined,
  max: number,
  problems: string[],
): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    problems.push(`${name} must be a whole number from 0 to ${max}.`);
    return undefined;
  }
  return value;
}

/**
 * The standalone simulator's options from an environment (`npm run simulator`). Pure: the entry point
 * passes `process.env`. Problems are one line each, naming the variable, never echoing a secret.
 */
export function simulatorOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SimulatorEnvResult {
  const problems: string[] = [];
  const appSecret = env.WHATSAPP_APP_SECRET ?? '';
  if (appSecret === '')
    problems.push('WHATSAPP_APP_SECRET is required: the simulator signs its webhooks with it.');
  const port = parsePort('SIMULATOR_PORT', env.SIMULATOR_PORT, 4010, problems);
  const gatewayPort = parsePort('PORT', env.PORT, 4000, problems);
  const rawWebhookUrl = env.SIMULATOR_WEBHOOK_URL ?? `http://127.0.0.1:${gatewayPort}/webhooks/whatsapp`;
  let webhookUrl: string | undefined;
  if (rawWebhookUrl !== WEBHOOKS_OFF) {
    if (URL.canParse(rawWebhookUrl)) webhookUrl = rawWebhookUrl;
    else problems.push(`SIMULATOR_WEBHOOK_URL must be an absolute URL or "${WEBHOOKS_OFF}".`);
  }
  const delay = env.SIMULATOR_WEBHOOK_DELAY_MS;
  const webhookDelayMs = delay === undefined || delay === '' ? undefined : Number(delay);
  if (webhookDelayMs !== undefined && !(Number.isFinite(webhookDelayMs) && webhookDelayMs >= 0)) {
    problems.push('SIMULATOR_WEBHOOK_DELAY_MS must be a number of milliseconds >= 0.');
  }
  const templateCount = wholeNumber(
    'SIMULATOR_TEMPLATE_COUNT',
    env.SIMULATOR_TEMPLATE_COUNT,
    TEMPLATE_LIMIT,
    problems,
  );
  const templateReviewDelayMs = wholeNumber(
    'SIMULATOR_TEMPLATE_REVIEW_DELAY_MS',
    env.SIMULATOR_TEMPLATE_REVIEW_DELAY_MS,
    600_000,
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  const optional = (value: string | undefined): string | undefined => (value === '' ? undefined : value);
  const options: SimulatorEnvOptions = { host: optional(env.SIMULATOR_HOST) ?? '127.0.0.1', port, appSecret };
  if (webhookUrl !== undefined) options.webhookUrl = webhookUrl;
  if (webhookDelayMs !== undefined) options.webhookDelayMs = webhookDelayMs;
  if (templateCount !== undefined) options.templateCount = templateCount;
  if (templateReviewDelayMs !== undefined) options.templateReviewDelayMs = templateReviewDelayMs;
  const phoneNumberId = optional(env.WHATSAPP_PHONE_NUMBER_ID);
  if (phoneNumberId !== undefined) options.phoneNumberId = phoneNumberId;
  const wabaId = optional(env.WHATSAPP_BUSINESS_ACCOUNT_ID);
  if (wabaId !== undefined) options.wabaId = wabaId;
  const appId = optional(env.WHATSAPP_APP_ID);
  if (appId !== undefined) options.appId = appId;
  return { ok: true, options };
}
