import { type Redis } from 'ioredis';
import {
  decodePublishedInbound,
  type InboundMessageEvent,
  InboundMessageType,
  MemoryInboundStore,
  RedisInboundStore,
} from '../../../src/conversations';
import { connectRedis, deleteKeys, randomPrefix } from '../messages/redis-harness';
import { waitFor } from '../../support/wait-for';
import { defineInboundStoreContract } from './inbound-store.contract';

defineInboundStoreContract('memory', async () => ({
  store: new MemoryInboundStore(),
  close: async () => undefined,
}));

defineInboundStoreContract('Redis', async () => {
  const redis = await connectRedis();
  const prefix = randomPrefix();
  return {
    store: new RedisInboundStore(redis, { keyPrefix: prefix }),
    async close() {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('Redis inbound store: what edits leave in Redis', () => {
  const RETENTION_MS = 60_000;
  let redis: Redis;
  let subscriber: Redis;
  let prefix: string;
  let store: RedisInboundStore;
  beforeEach(async () => {
    [redis, subscriber] = await Promise.all([connectRedis(), connectRedis()]);
    prefix = randomPrefix();
    store = new RedisInboundStore(redis, { keyPrefix: prefix, retentionMs: RETENTION_MS });
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    subscriber.disconnect();
  });

  const at = 1_761_000_000_000;
  const base = { phoneNumberId: '106540352242922', from: { waId: '16505553001' }, errors: [] };

  it('publishes the message as it stands, and gives the kept edit the retention as TTL', async () => {
    const published: InboundMessageEvent[] = [];
    subscriber.on('message', (_channel: string, raw: string) => {
      const event = decodePublishedInbound(raw);
      if (event) published.push(event);
    });
    await subscriber.subscribe(store.channel);
    const change = {
      ...base,
      id: 'wamid.r.e',
      type: InboundMessageType.EDIT,
      rawType: 'edit',
      changes: 'wamid.r.o',
      text: 'new words',
      timestamp: at + 1_000,
      receivedAt: at + 1_000,
      raw: { type: 'edit', edit: { original_message_id: 'wamid.r.o', message: { type: 'text' } } },
    };
    const original = {
      ...base,
      id: 'wamid.r.o',
      type: InboundMessageType.TEXT,
      rawType: 'text',
      text: 'old words',
      timestamp: at,
      receivedAt: at + 2_000,
      raw: { type: 'text', text: { body: 'old words' } },
    };
    await store.record([change]);
    await store.record([original]);
    await waitFor(() => published.length === 2, 'both events published');
    expect(published.map((event) => event.message)).toStrictEqual([
      change,
      { ...original, text: 'new words', editedAt: at + 1_000 },
    ]);
    const ttl = await redis.pttl(`${prefix}{i}:in-edit:wamid.r.o`);
    expect(ttl > 0 && ttl <= RETENTION_MS).toBe(true);
    // The stored message is as it arrived: the edit is kept beside it, not written into it.
    expect(JSON.parse((await redis.get(`${prefix}{i}:in:wamid.r.o`)) ?? 'null')).toStrictEqual(original);
  });
});
