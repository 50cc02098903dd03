import {
  BENCH_API_KEY,
  BENCH_APP_SECRET,
  BENCH_PHONE_NUMBER_ID,
  BENCH_REDIS_URL,
  BENCH_VERIFY_TOKEN,
} from './bench-constants';

/**
 * Every production feature on: live mode against `upstreamUrl`, API keys, NODE_ENV=production, the Redis
 * store and bus, info logging. Limits that would throttle the load generator are raised, not removed.
 */
export function productionGatewayEnv(
  upstreamUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    WHATSAPP_ACCESS_TOKEN: 'bench-access-token',
    WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: BENCH_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: BENCH_VERIFY_TOKEN,
    GRAPH_API_BASE_URL: upstreamUrl,
    GATEWAY_API_KEYS: `${BENCH_API_KEY}:send+read+subscribe+admin`,
    REDIS_URL: BENCH_REDIS_URL,
    SEND_RATE_LIMIT_PER_SECOND: '100000',
    STREAM_MAX_LENGTH: '1000000',
    ...extra,
  };
}

/** Development defaults, no keys: the embedded simulator and in-process store, the lightest plugin set. */
export function developmentGatewayEnv(): Record<string, string> {
  return { NODE_ENV: 'development', LOG_LEVEL: 'info' };
}

export const authHeaders = { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' };
