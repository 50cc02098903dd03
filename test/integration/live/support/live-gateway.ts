import { Redis } from 'ioredis';
import { createMessageKeys } from '../../../../src/messages/redis/keys';
import { startTestGateway, type TestGateway } from '../../../support/gateway-harness';
export { deleteKeysWithPrefix } from '../../../support/use-test-gateway';
import { APP_SECRET, VERIFY_TOKEN } from './live-webhooks';

/** The key prefix the gateway gives its Redis keys (gateway.ts). */
const GATEWAY_KEY_PREFIX = 'wa:';

/**
 * A Redis URL on a logical database of its own, so that each test file can FLUSHDB without touching the
 * others. Pub/sub is not per database: subscriptions in these tests always filter on something the file
 * alone uses (a phone-number id, a recipient or a wamid).
 */
export function redisDatabaseUrl(db: number, port = 6379): string {
  return `redis://127.0.0.1:${port}/${db}`;
}

/** A short-lived connection for the test's own reads (never the gateway's). */
export async function openTestRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect();
  return redis;
}

export async function flushDatabase(url: string): Promise<void> {
  const redis = await openTestRedis(url);
  try {
    await redis.flushdb();
  } finally {
    await redis.quit();
  }
}

/** Every cursor in the gateway's status stream, oldest first: the reference a subscriber is checked against. */
export async function streamCursors(redis: Redis): Promise<string[]> {
  const stream = createMessageKeys(GATEWAY_KEY_PREFIX).stream;
  const entries = await redis.xrange(stream, '-', '+');
  return entries.map(([id]) => id);
}

/** A whole in-process gateway on Redis with known webhook secrets. */
export function startLiveGateway(redisUrl: string, env: Record<string, string> = {}): Promise<TestGateway> {
  return startTestGateway({
    REDIS_URL: redisUrl,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    ...env,
  });
}

/** The two stores a gateway keeps its state in, for `describe.each`: embedded, and Redis at `redisUrl`. */
export function eachStore(redisUrl: string): Array<[string, Record<string, string>]> {
  return [
    ['the embedded store', {}],
    ['Redis', { REDIS_URL: redisUrl }],
  ];
}

/**
 * Registers a gateway that takes signed webhooks, on the store `env` names, for the enclosing `describe`;
 * a Redis database is flushed before and after. Returns how to reach it once `beforeAll` has run.
 */
export function useWebhookGateway(env: Record<string, string>): () => TestGateway {
  let gateway: TestGateway | undefined;
  const redisUrl = env['REDIS_URL'];
  beforeAll(async () => {
    if (redisUrl) await flushDatabase(redisUrl);
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      ...env,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (redisUrl) await flushDatabase(redisUrl);
  });
  return () => {
    if (gateway === undefined) throw new Error('the gateway is reached before beforeAll started it');
    return gateway;
  };
}
