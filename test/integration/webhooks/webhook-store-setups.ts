export { waitFor } from '../../support/wait-for';
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import {
  createMemoryMessaging,
  createRedisMessaging,
  type MessageRecord,
  type MessageStore,
  type StatusChangeEvent,
} from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import {
  type AccountEventStore,
  MemoryAccountEventStore,
  RedisAccountEventStore,
} from '../../../src/account-events';
import { type ContactStore, MemoryContactStore, RedisContactStore } from '../../../src/contacts';
import { type InboundStore, MemoryInboundStore, RedisInboundStore } from '../../../src/conversations';
import { type CallStore, MemoryCallStore, RedisCallStore } from '../../../src/calls';
import { recommendedRedisOptions } from '../../../src/store-kit';

/** A real store, a record of every event its bus delivered, and a way to release it. */
export interface StoreUnderTest {
  store: MessageStore;
  contacts: ContactStore;
  accountEvents: AccountEventStore;
  inbound: InboundStore;
  calls: CallStore;
  events: StatusChangeEvent[];
  close(): Promise<void>;
}

export interface StoreSetup {
  name: string;
  create(): Promise<StoreUnderTest>;
}

export const memoryStoreSetup: StoreSetup = {
  name: 'memory store',
  async create() {
    const { store, bus } = createMemoryMessaging();
    const events: StatusChangeEvent[] = [];
    const unsubscribe = await bus.subscribe((event) => events.push(event));
    return {
      store,
      contacts: new MemoryContactStore(),
      accountEvents: new MemoryAccountEventStore(),
      inbound: new MemoryInboundStore(),
      calls: new MemoryCallStore(),
      events,
      async close() {
        unsubscribe();
        await bus.close();
      },
    };
  },
};

/** A connection with the options the composition root uses; connecting fails (never skips) without Redis. */
export async function connectRedis(port: number, extra: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis({
    ...recommendedRedisOptions,
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    ...extra,
  });
  redis.on('error', () => undefined); // connection errors surface through the commands that fail
  await redis.connect();
  return redis;
}

/** A random key prefix for one test file, so that parallel files never share keys on the shared Redis. */
export function randomKeyPrefix(area: string): string {
  return `test:${area}:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix` (the prefix is random hex and fixed text: no glob characters). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** The Redis store and bus on the shared Redis (127.0.0.1:6379), a fresh key prefix for every `create`. */
export function redisStoreSetup(filePrefix: string, port = 6379): StoreSetup {
  let created = 0;
  return {
    name: 'Redis store',
    async create() {
      const keyPrefix = `${filePrefix}${created++}:`;
      const command = await connectRedis(port);
      const subscriber = await connectRedis(port);
      const { store, bus } = createRedisMessaging(
        { command, subscriber },
        { keyPrefix, logger: createSilentLogger() },
      );
      const events: StatusChangeEvent[] = [];
      const unsubscribe = await bus.subscribe((event) => events.push(event));
      return {
        store,
        contacts: new RedisContactStore(command, keyPrefix),
        accountEvents: new RedisAccountEventStore(command, { keyPrefix }),
        inbound: new RedisInboundStore(command, { keyPrefix }),
        calls: new RedisCallStore(command, { keyPrefix }),
        events,
        async close() {
          unsubscribe();
          await bus.close();
          await deleteKeys(command, keyPrefix);
          await Promise.all([command.quit(), subscriber.quit()]);
        },
      };
    },
  };
}

export async function recordOf(store: MessageStore, id: string): Promise<MessageRecord | null> {
  const [record] = await store.getMany([id]);
  return record ?? null;
}

/**
 * The real store with some of its methods replaced, to inject faults. Every other call goes to the real
 * store (bound, so that stores keeping private state in class fields work unchanged).
 */
export function withFaults(store: MessageStore, faults: Partial<MessageStore>): MessageStore {
  return {
    recordSent: faults.recordSent ?? store.recordSent.bind(store),
    applyStatuses: faults.applyStatuses ?? store.applyStatuses.bind(store),
    recordEchoes: faults.recordEchoes ?? store.recordEchoes.bind(store),
    getMany: faults.getMany ?? store.getMany.bind(store),
    list: faults.list ?? store.list.bind(store),
    recordInbound: faults.recordInbound ?? store.recordInbound.bind(store),
    lastInboundAt: faults.lastInboundAt ?? store.lastInboundAt.bind(store),
    readEventsAfter: faults.readEventsAfter ?? store.readEventsAfter.bind(store),
    ping: faults.ping ?? store.ping.bind(store),
  };
}
