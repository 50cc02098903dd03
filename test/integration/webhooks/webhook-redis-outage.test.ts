import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import {
  createRedisMessaging,
  type MessageStore,
  MessageStatus,
  recommendedRedisOptions,
} from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { createWebhookHandler, signBody, type WebhookHandler } from '../../../src/webhooks';
import { metaBytes, statusesBody } from '../../unit/webhooks/meta-payload.fixtures';
import { connectRedis, randomKeyPrefix, recordOf, waitFor } from './webhook-store-setups';

const APP_SECRET = 'outage-app-secret-77c1';
const logger = createSilentLogger();

function handlerFor(store: MessageStore): WebhookHandler {
  return createWebhookHandler({ store, appSecret: APP_SECRET, verifyToken: 'outage-verify-token', logger });
}

function post(handler: WebhookHandler, body: Buffer): ReturnType<WebhookHandler['handleNotification']> {
  return handler.handleNotification(body, signBody(body, APP_SECRET));
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  server.close();
  await once(server, 'close');
  return address.port;
}

/**
 * A Redis process this file owns, on loopback, so that it can be stopped. It keeps an append-only file in
 * `dir` (fsync on every write), so that what was stored before the outage is still there after it.
 */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    return answersPing(port);
  }, `redis-server on port ${port}`);
  return child;
}

/** A bare socket rather than a client: a refused probe must leave no reconnect or disconnect timer behind. */
async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
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
    let port: number;
    let dir: string;
    let redis: ChildProcess | undefined;
    let command: Redis | undefined;
    let subscriber: Redis | undefined;

    beforeAll(async () => {
      port = await freePort();
      dir = mkdtempSync(join(tmpdir(), 'webhooks-redis-'));
      redis = await startRedis(port, dir);
      command = await connectRedis(port);
      subscriber = await connectRedis(port);
    });

    afterAll(async () => {
      command?.disconnect();
      subscriber?.disconnect();
      if (redis) await stopRedis(redis);
      rmSync(dir, { recursive: true, force: true });
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

      await stopRedis(redis as ChildProcess);
      await waitFor(() => conn.command.status !== 'ready', 'the command connection to notice the outage');
      expect((await post(handler, second)).statusCode).toBe(503);

      redis = await startRedis(port, dir);
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
