import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisMessaging, StreamTrimMode, type RedisMessageStore } from '../../../src/messages';
import { type RedisStatusBus } from '../../../src/messages/redis/status-bus';
import { createSilentLogger, type Logger } from '../../../src/observability';

export const REDIS_PORT = 6379;

/** A connection that fails fast when Redis is away, as production is configured to. */
export async function connectRedis(name = `msg-test-${randomBytes(4).toString('hex')}`): Promise<Redis> {
  const redis = new Redis({
    host: '127.0.0.1',
    port: REDIS_PORT,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: name,
    // Long enough for a test to observe the outage, short enough to keep the suite quick.
    retryStrategy: () => 250,
  });
  // Fails (rather than skips) the test when no Redis listens.
  await redis.connect();
  return redis;
}

export function randomPrefix(): string {
  return `test:messages:${randomBytes(6).toString('hex')}:`;
}

export interface RedisHarness {
  prefix: string;
  command: Redis;
  subscriber: Redis;
  store: RedisMessageStore;
  bus: RedisStatusBus;
  close(): Promise<void>;
}

export interface RedisHarnessOptions {
  prefix?: string;
  streamMaxLength?: number;
  streamTrim?: StreamTrimMode;
  logger?: Logger;
  /** Delete the prefix's keys on close (the last harness on a shared prefix does it). Default true. */
  cleanUp?: boolean;
}

export async function openRedisHarness(options: RedisHarnessOptions = {}): Promise<RedisHarness> {
  const prefix = options.prefix ?? randomPrefix();
  const command = await connectRedis();
  const subscriber = await connectRedis();
  const { store, bus } = createRedisMessaging(
    { command, subscriber },
    {
      keyPrefix: prefix,
      streamMaxLength: options.streamMaxLength,
      streamTrim:
        options.streamTrim ?? (options.streamMaxLength !== undefined ? StreamTrimMode.EXACT : undefined),
      logger: options.logger ?? createSilentLogger(),
    },
  );
  return {
    prefix,
    command,
    subscriber,
    store,
    bus,
    async close() {
      await bus.close();
      if (options.cleanUp !== false) await deleteKeys(command, prefix);
      command.disconnect();
      subscriber.disconnect();
    },
  };
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
