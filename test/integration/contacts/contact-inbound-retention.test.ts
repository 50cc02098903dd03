/**
 * docs/reliability.md, case 41: contacts and inbound messages expire with the retention; `contacts` and `conversation`
 * pages never name one that is gone, and every key they leave behind (but the bounded stream) has a TTL.
 */
import { type Redis } from 'ioredis';
import { type ContactStore, MemoryContactStore, RedisContactStore } from '../../../src/contacts';
import {
  type InboundMessageRecord,
  InboundMessageType,
  type InboundStore,
  MemoryInboundStore,
  RedisInboundStore,
} from '../../../src/conversations';
import { connectRedis, deleteKeys, randomPrefix } from '../messages/redis-harness';

const RETENTION_MS = 600;
const OLD_NUMBER = '16505550001';
const NEW_NUMBER = '16505550002';

function inbound(id: string, waId: string, at: number): InboundMessageRecord {
  return {
    id,
    phoneNumberId: '106540352242922',
    from: { waId },
    type: InboundMessageType.TEXT,
    rawType: 'text',
    timestamp: at,
    receivedAt: at,
    text: 'hello',
    errors: [],
    raw: { id, from: waId, timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: 'hello' } },
  };
}

interface Stores {
  contacts: ContactStore;
  inbound: InboundStore;
  /** Lets the retention pass. */
  passRetention(): Promise<void>;
}

async function writeOldThenNew(stores: Stores): Promise<void> {
  const start = Date.now();
  await stores.contacts.observe([{ waId: OLD_NUMBER, profileName: 'Old' }], start);
  await stores.inbound.record([inbound('wamid.in-old', OLD_NUMBER, start)]);
  await stores.passRetention();
  const later = Date.now();
  await stores.contacts.observe([{ waId: NEW_NUMBER, profileName: 'New' }], later);
  await stores.inbound.record([inbound('wamid.in-new', NEW_NUMBER, later)]);
}

async function expectOnlyTheNewOnes(stores: Stores): Promise<void> {
  const page = await stores.contacts.list({}, 10, null);
  expect(page.contacts.map((c) => c.id)).toEqual([`+${NEW_NUMBER}`]);
  expect(await stores.contacts.find(`+${OLD_NUMBER}`)).toBeNull();
  expect((await stores.inbound.listFrom([`+${OLD_NUMBER}`], 10, null)).map((m) => m.id)).toEqual([]);
  expect((await stores.inbound.listFrom([`+${NEW_NUMBER}`], 10, null)).map((m) => m.id)).toEqual([
    'wamid.in-new',
  ]);
  expect((await stores.inbound.getMany(['wamid.in-old'])).map((m) => m?.id ?? null)).toEqual([null]);
}

describe('contact and inbound retention in Redis', () => {
  let redis: Redis;
  let prefix: string;
  let stores: Stores;
  beforeEach(async () => {
    redis = await connectRedis();
    prefix = randomPrefix();
    stores = {
      contacts: new RedisContactStore(redis, prefix, RETENTION_MS),
      inbound: new RedisInboundStore(redis, { keyPrefix: prefix, retentionMs: RETENTION_MS }),
      passRetention: () => new Promise((resolve) => setTimeout(resolve, RETENTION_MS + 200)),
    };
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('gives every key but the bounded stream a TTL no longer than the retention', async () => {
    const now = Date.now();
    await stores.contacts.observe([{ waId: OLD_NUMBER, userId: 'US.1349120865530274191' }], now);
    await stores.inbound.record([inbound('wamid.in-a', OLD_NUMBER, now)]);
    const keys = (await redis.keys(`${prefix}*`)).filter((key) => !key.endsWith('inbound-events'));
    // contact, two aliases, idx; the message and its index.
    expect(keys.length).toBeGreaterThanOrEqual(6);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect({ key, expires: ttl > 0 && ttl <= RETENTION_MS }).toEqual({ key, expires: true });
    }
  });

  it('drops expired contacts and inbound messages from every page, with no dangling id', async () => {
    await writeOldThenNew(stores);
    await expectOnlyTheNewOnes(stores);
    expect(await redis.zrange(`${prefix}{c}:idx`, 0, -1)).toEqual([`+${NEW_NUMBER}`]);
    expect(await redis.exists(`${prefix}{i}:in-by:+${OLD_NUMBER}`)).toBe(0);
  });
});

describe('contact and inbound retention in the embedded stores', () => {
  it('drops expired contacts and inbound messages from every page', async () => {
    let clock = Date.now();
    const now = (): number => clock;
    const stores: Stores = {
      contacts: new MemoryContactStore(RETENTION_MS, now),
      inbound: new MemoryInboundStore(100, now, RETENTION_MS),
      passRetention: async () => {
        clock += RETENTION_MS + 1;
      },
    };
    await writeOldThenNew(stores);
    await expectOnlyTheNewOnes(stores);
  });
});
