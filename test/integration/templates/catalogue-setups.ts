import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createSilentLogger } from '../../../src/observability';
import { recommendedRedisOptions } from '../../../src/store-kit';
import {
  MemoryTemplateCatalogueStore,
  RedisTemplateCatalogueStore,
  type TemplateCatalogueStore,
} from '../../../src/templates';

/** Two views of one catalogue, as two gateway instances have: a change made through one reaches both. */
export interface CatalogueUnderTest {
  instanceA: TemplateCatalogueStore;
  instanceB: TemplateCatalogueStore;
  close(): Promise<void>;
}

export interface CatalogueSetup {
  name: string;
  create(): Promise<CatalogueUnderTest>;
}

async function connect(): Promise<Redis> {
  const redis = new Redis({ ...recommendedRedisOptions, host: '127.0.0.1', port: 6379, lazyConnect: true });
  redis.on('error', () => undefined); // failures surface through the commands that fail
  await redis.connect();
  return redis;
}

/** Deletes every key under `prefix` (random hex and fixed text: no glob characters). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export const memoryCatalogue: CatalogueSetup = {
  name: 'memory',
  async create() {
    const store = new MemoryTemplateCatalogueStore();
    return { instanceA: store, instanceB: store, close: async () => undefined };
  },
};

/** Two instances on the shared Redis (127.0.0.1:6379, database 0), each with its own connections, under a fresh prefix. */
export const redisCatalogue: CatalogueSetup = {
  name: 'Redis',
  async create() {
    const prefix = `test:templates:${randomBytes(6).toString('hex')}:`;
    const connections = await Promise.all([connect(), connect(), connect(), connect()]);
    const [commandA, subscriberA, commandB, subscriberB] = connections as [Redis, Redis, Redis, Redis];
    const logger = createSilentLogger();
    return {
      instanceA: new RedisTemplateCatalogueStore(commandA, subscriberA, prefix, logger),
      instanceB: new RedisTemplateCatalogueStore(commandB, subscriberB, prefix, logger),
      async close() {
        await deleteKeys(commandA, prefix);
        await Promise.all(connections.map((connection) => connection.quit()));
      },
    };
  },
};
