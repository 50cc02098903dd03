import { Redis } from 'ioredis';
import { type GraphqlResponse, startTestGateway, type TestGateway } from './gateway-harness';

/** What a suite's gateway is started with: its environment, or a function of the suite's own set-up. */
export type TestGatewayEnv = Record<string, string> | (() => Record<string, string>);

/**
 * One gateway for a whole suite, in graphql-ws's `tservers` style: started before the suite's first test,
 * closed after its last, and when it ran on Redis under its own `REDIS_KEY_PREFIX`, its keys deleted. The
 * object it returns stands for that gateway from `beforeAll` on, so a suite reads `gateway.url` and
 * calls `gateway.graphql(…)` as it would on the gateway itself.
 */
export function useTestGateway(env: TestGatewayEnv = {}): TestGateway {
  let started: TestGateway | undefined;
  let resolvedEnv: Record<string, string> = {};
  const current = (): TestGateway => {
    if (started === undefined) throw new Error('The suite’s gateway is used before beforeAll started it.');
    return started;
  };

  beforeAll(async () => {
    resolvedEnv = typeof env === 'function' ? env() : env;
    started = await startTestGateway(resolvedEnv);
  });

  afterAll(async () => {
    await started?.close();
    started = undefined;
    const { REDIS_URL: url, REDIS_KEY_PREFIX: prefix } = resolvedEnv;
    if (url !== undefined && prefix !== undefined && prefix !== '') await deleteKeysWithPrefix(url, prefix);
  });

  return {
    get url() {
      return current().url;
    },
    get simulator() {
      return current().simulator;
    },
    get logs() {
      return current().logs;
    },
    close: () => current().close(),
    graphql: <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ): Promise<GraphqlResponse<T>> => current().graphql<T>(query, variables, headers),
  };
}

/** Deletes every key under `prefix`: what a suite sharing a Redis database with others leaves behind. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect();
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
