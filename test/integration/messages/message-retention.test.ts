/**
 * docs/reliability.md, case 41: with a retention, every key a message leaves behind expires, and no page of `messages`
 * or of `failureSummary` (a `messages` walk filtered to FAILED) names a message that is gone.
 */
import { type Redis } from 'ioredis';
import {
  createMemoryMessaging,
  createRedisMessaging,
  MessageStatus,
  type MessageStore,
  type NewMessage,
  type StatusUpdate,
} from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { connectRedis, deleteKeys, randomPrefix } from './redis-harness';

const PHONE = '106540352242922';
const RETENTION_MS = 600;

function sent(id: string, at: number): NewMessage {
  return {
    id,
    phoneNumberId: PHONE,
    recipient: '+16505551234',
    waId: '16505551234',
    type: 'text',
    status: MessageStatus.ACCEPTED,
    createdAt: at,
  };
}

function failed(id: string, at: number): StatusUpdate {
  return {
    messageId: id,
    phoneNumberId: PHONE,
    status: MessageStatus.FAILED,
    timestamp: at,
    recipientId: '16505551234',
    errors: [{ code: 131026, title: 'Message undeliverable' }],
  };
}

/** Every page a caller can ask for: all, by phone number, by recipient, FAILED only (failureSummary). */
async function listedIds(store: MessageStore): Promise<string[][]> {
  const filters = [
    {},
    { phoneNumberId: PHONE },
    { recipient: '+16505551234' },
    { status: [MessageStatus.FAILED] },
  ];
  return Promise.all(
    filters.map(async (filter) => (await store.list(filter, 50, null)).records.map((r) => r.id)),
  );
}

async function writeOldThenNew(store: MessageStore, passTime: () => Promise<void>): Promise<void> {
  const start = Date.now();
  await store.recordSent(sent('wamid.old', start), start);
  await store.applyStatuses([failed('wamid.old', start + 1)], start + 1);
  await store.recordInbound('16505551234', PHONE, start);
  await passTime();
  const later = Date.now();
  await store.recordSent(sent('wamid.new', later), later);
  await store.applyStatuses([failed('wamid.new', later + 1)], later + 1);
}

async function expectOnlyTheNewMessage(store: MessageStore): Promise<void> {
  expect(await listedIds(store)).toEqual([['wamid.new'], ['wamid.new'], ['wamid.new'], ['wamid.new']]);
  expect((await store.getMany(['wamid.old', 'wamid.new'])).map((r) => r?.id ?? null)).toEqual([
    null,
    'wamid.new',
  ]);
  expect(await store.lastInboundAt('16505551234', PHONE)).toBeNull();
}

describe('message retention in Redis', () => {
  let redis: Redis;
  let subscriber: Redis;
  let prefix: string;
  let store: MessageStore;
  let closeBus: () => Promise<void>;

  beforeEach(async () => {
    redis = await connectRedis();
    subscriber = await connectRedis();
    prefix = randomPrefix();
    const messaging = createRedisMessaging(
      { command: redis, subscriber },
      { keyPrefix: prefix, retentionMs: RETENTION_MS, logger: createSilentLogger() },
    );
    store = messaging.store;
    closeBus = () => messaging.bus.close();
  });
  afterEach(async () => {
    await closeBus();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    subscriber.disconnect();
  });

  it('gives every key but the bounded stream a TTL no longer than the retention', async () => {
    await store.recordSent(sent('wamid.a', Date.now()), Date.now());
    await store.applyStatuses([failed('wamid.a', Date.now())], Date.now());
    await store.recordInbound('16505551234', PHONE, Date.now());
    const keys = await redis.keys(`${prefix}*`);
    const streams = keys.filter((key) => key.endsWith(':events'));
    expect(streams).toHaveLength(1);
    const others = keys.filter((key) => !streams.includes(key));
    // The record, idx:all, idx:pn, idx:to and the inbound time.
    expect(others.length).toBeGreaterThanOrEqual(5);
    for (const key of others) {
      const ttl = await redis.pttl(key);
      expect({ key, expires: ttl > 0 && ttl <= RETENTION_MS }).toEqual({ key, expires: true });
    }
  });

  it('drops an expired message from every page and every index: no dangling id', async () => {
    await writeOldThenNew(store, () => new Promise((resolve) => setTimeout(resolve, RETENTION_MS + 200)));
    await expectOnlyTheNewMessage(store);
    // The write after the expiry trimmed the indexes it touched: no id without its record.
    const indexes = (await redis.keys(`${prefix}*idx:*`)).sort();
    expect(indexes.length).toBeGreaterThanOrEqual(3);
    for (const index of indexes) {
      expect({ index, ids: await redis.zrange(index, 0, -1) }).toEqual({ index, ids: ['wamid.new'] });
    }
  });

  it('trims and renews each index once for the sends stored in one run', async () => {
    // Trimming reads the times the store is given, so the messages' ages need no waiting.
    const now = Date.now();
    await store.recordSent(sent('wamid.old', now - 1_000), now - 1_000);
    await store.recordSent(sent('wamid.kept', now - 500), now - 500);
    // One turn: both sends go to Redis in one script run, which trims each index at its end.
    await Promise.all([
      store.recordSent(sent('wamid.first', now), now),
      store.recordSent(sent('wamid.second', now + 1), now),
    ]);
    const indexes = (await redis.keys(`${prefix}*idx:*`)).sort();
    expect(indexes.length).toBeGreaterThanOrEqual(3);
    for (const index of indexes) {
      const ids = (await redis.zrange(index, 0, -1)).sort();
      const ttl = await redis.pttl(index);
      expect({ index, ids, expires: ttl > 0 && ttl <= RETENTION_MS }).toEqual({
        index,
        ids: ['wamid.first', 'wamid.kept', 'wamid.second'],
        expires: true,
      });
    }
  });

  it('never lists an expired id that no write has trimmed yet', async () => {
    const now = Date.now();
    await store.recordSent(sent('wamid.lonely', now), now);
    await store.applyStatuses([failed('wamid.lonely', now + 1)], now + 1);
    await new Promise((resolve) => setTimeout(resolve, RETENTION_MS + 200));
    expect(await listedIds(store)).toEqual([[], [], [], []]);
    expect(await redis.keys(`${prefix}*`)).toEqual([expect.stringMatching(/:events$/)]);
  });
});

describe('message retention in the embedded store', () => {
  it('drops an expired message from every page and frees it', async () => {
    let clock = Date.now();
    const { store } = createMemoryMessaging({ retentionMs: RETENTION_MS, now: () => clock });
    // The store's clock is the test's: time passes without waiting.
    await writeOldThenNew(store, async () => {
      clock += RETENTION_MS + 1;
    });
    await expectOnlyTheNewMessage(store);
  });
});
