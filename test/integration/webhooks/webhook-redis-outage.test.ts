import { Redis } from 'ioredis';
import { createRedisMessaging, type MessageStore, MessageStatus } from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { MemoryAccountEventStore } from '../../../src/account-events';
import { MemoryContactStore } from '../../../src/contacts';
import { MemoryInboundStore } from '../../../src/conversations';
import { MemoryCallStore } from '../../../src/calls';
import { createWebhookHandler, signBody, type WebhookHandler } from '../../../src/webhooks';
import { metaBytes, statusesBody } from '../../unit/webhooks/meta-payload.fixtures';
import { freePort } from '../../support/gateway-process';
import { RedisProcess } from '../../support/redis-process';
import { connectRedis, randomKeyPrefix, recordOf, waitFor } from './webhook-store-setups';
import { recommendedRedisOptions } from '../../../src/store-kit';

const APP_SECRET = 'outage-app-secret-77c1';
const logger = createSilentLogger();

function handlerFor(store: MessageStore): WebhookHandler {
  return createWebhookHandler({
    store,
    contacts: new MemoryContactStore(),
    accountEvents: new MemoryAccountEventStore(),
    inbound: new MemoryInboundStore(),
    calls: new MemoryCallStore(),
    appSecret: APP_SECRET,
    verifyToken: 'outage-verify-token',
    logger,
  });
}

function post(handler: WebhookHandler, body: Buffer): ReturnType<WebhookHandler['handleNotification']> {
  return handler.handleNotification(body, signBody(body, APP_SECRET));
}

describe('webhooks while Redis is unreachable (case 13)', () => {
  it('answers 503 from a store whose connection points at a closed port', async () => {
    const port = await freePort();
    const command = new Redis({ ...recommendedRedisOptions, host: '127.0.0.1', port, lazyConnect: true });
    const subscriber = new Redis({ ...recommendedRedisOptions, host: '127.0.0.1', port, lazyConnect: true });
    command.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    try {
      const { store } = createRedisMessaging(
        { command, subscriber },
        { keyPrefix: randomKeyPrefix('wh'), logger },
      );
      const body = metaBytes(
        statusesBody([{ id: 'wamid.closed', status: 'sent', timestamp: 1_750_000_000 }]),
      );
      const answer = await post(handlerFor(store), body);
      expect(answer).toEqual({ statusCode: 503, body: 'Store unavailable; retry later' });
    } finally {
      command.disconnect();
      subscriber.disconnect();
    }
  });

  describe('with a Redis process that is stopped and started again', () => {
    let redis: RedisProcess | undefined;
    let command: Redis | undefined;
    let subscriber: Redis | undefined;

    beforeAll(async () => {
      redis = await RedisProcess.start({ persistent: true });
      command = await connectRedis(redis.port);
      subscriber = await connectRedis(redis.port);
    });

    afterAll(async () => {
      command?.disconnect();
      subscriber?.disconnect();
      await redis?.remove();
    });

    it('answers 503 while Redis is down, then stores the retried body once after it is back', async () => {
      const conn = { command: command as Redis, subscriber: subscriber as Redis };
      const { store, bus } = createRedisMessaging(conn, { keyPrefix: randomKeyPrefix('wh'), logger });
      const handler = handlerFor(store);
      const first = metaBytes(
        statusesBody([{ id: 'wamid.outage', status: 'sent', timestamp: 1_750_000_000 }]),
      );
      const second = metaBytes(
        statusesBody([{ id: 'wamid.outage', status: 'delivered', timestamp: 1_750_000_010 }]),
      );
      expect((await post(handler, first)).statusCode).toBe(200);

      await redis!.stop();
      await waitFor(() => conn.command.status !== 'ready', 'the command connection to notice the outage');
      expect((await post(handler, second)).statusCode).toBe(503);

      await redis!.startAgain();
      await waitFor(() => conn.command.status === 'ready', 'the command connection to reconnect', 10_000);
      // Meta retries the refused body (here twice): it is stored once, after what came before the outage.
      expect(await post(handler, second)).toEqual({ statusCode: 200, body: 'OK' });
      expect(await post(handler, second)).toEqual({ statusCode: 200, body: 'OK' });
      const record = await recordOf(store, 'wamid.outage');
      expect(record?.status).toBe(MessageStatus.DELIVERED);
      expect(record?.statusHistory.map((e) => e.status)).toEqual([
        MessageStatus.SENT,
        MessageStatus.DELIVERED,
      ]);
      await bus.close();
    });
  });
});
