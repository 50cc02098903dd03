import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import {
  createRedisMessaging,
  MessageStatus,
  recommendedCommandConnectionOptions,
  StreamTrimMode,
  type NewMessage,
  type RedisMessageStore,
  type StatusChangeEvent,
  type StatusUpdate,
} from '../../../src/messages';
import { createMessageKeys } from '../../../src/messages/redis/keys';
import { statusChannel } from '../../../src/messages/redis/message-store-options';
import { RedisStatusBus } from '../../../src/messages/redis/status-bus';
import { createLogger, createSilentLogger, type Logger } from '../../../src/observability';
import { SEQUENCE_BASE_MS, sequenceSend, sequenceUpdate } from '../../unit/messages/status-sequences';
import { connectRedis, openRedisHarness, randomPrefix, REDIS_PORT, type RedisHarness } from './redis-harness';
import { waitFor } from '../../support/wait-for';
import { CursorExpiredError, recommendedRedisOptions } from '../../../src/store-kit';

const opened: RedisHarness[] = [];
const connections: Redis[] = [];

async function harness(options: Parameters<typeof openRedisHarness>[0] = {}): Promise<RedisHarness> {
  const h = await openRedisHarness(options);
  opened.push(h);
  return h;
}

async function connection(name?: string): Promise<Redis> {
  const redis = await connectRedis(name);
  connections.push(redis);
  return redis;
}

afterEach(async () => {
  for (const h of opened.splice(0).reverse()) await h.close();
  for (const c of connections.splice(0)) c.disconnect();
});

function update(id: string, status: MessageStatus, at: number): StatusUpdate {
  return sequenceUpdate(id, { status, at });
}

function memoryLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Kills one client of ours by its connection name (never touching other clients of the shared Redis). */
async function killClient(admin: Redis, client: Redis): Promise<void> {
  const name = client.options.connectionName;
  const clients = String(await admin.client('LIST')).split('\n');
  const id = clients.find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+)/)?.[1];
  if (name === undefined || id === undefined) throw new Error('the client to kill was not found');
  await admin.client('KILL', 'ID', id);
}

/** Runs `action` and returns every command Redis saw from `client` meanwhile (scripts' inner calls excluded). */
async function commandsFrom(
  admin: Redis,
  client: Redis,
  action: () => Promise<unknown>,
): Promise<string[][]> {
  const monitor = await admin.monitor();
  const source = `127.0.0.1:${client.stream.localPort}`;
  const seen: string[][] = [];
  monitor.on('monitor', (_time: string, args: string[], from: string) => {
    if (from === source) seen.push(args);
  });
  const marker = `end-of-action-${Math.random()}`;
  try {
    await action();
    await client.echo(marker);
    await waitFor(
      () => seen.some((args) => args[0].toLowerCase() === 'echo' && args[1] === marker),
      'the marker',
    );
  } finally {
    monitor.disconnect();
  }
  return seen.filter((args) => !(args[0].toLowerCase() === 'echo' && args[1] === marker));
}

describe('RedisMessageStore and RedisStatusBus on a real Redis', () => {
  it('delivers an event stored by one gateway to the subscribers of another', async () => {
    const prefix = randomPrefix();
    const a = await harness({ prefix, cleanUp: false });
    const b = await harness({ prefix });
    const atB: StatusChangeEvent[] = [];
    await b.bus.subscribe((e) => atB.push(e));
    const [outcome] = await a.store.applyStatuses(
      [update('wamid.x1', MessageStatus.DELIVERED, 2)],
      SEQUENCE_BASE_MS + 3000,
    );
    if (outcome.kind !== 'applied') throw new Error('expected applied');
    await waitFor(() => atB.length === 1, 'the event at the other gateway');
    expect(atB).toEqual([outcome.event]);
    const [record] = await b.store.getMany(['wamid.x1']);
    expect(record?.status).toBe(MessageStatus.DELIVERED);
    expect(await b.store.readEventsAfter('0-0', 10)).toEqual([outcome.event]);
  });

  it('reads 100 records with one command, a page of 100 with one, and applies 50 statuses with one', async () => {
    const h = await harness();
    const admin = await connection();
    const ids = Array.from({ length: 120 }, (_, i) => `wamid.count${i}`);
    await h.store.applyStatuses(
      ids.map((id) => update(id, MessageStatus.SENT, 1)),
      SEQUENCE_BASE_MS + 2000,
    );
    await h.store.list({}, 1, null); // loads the list script on this connection

    const getMany = await commandsFrom(admin, h.command, () => h.store.getMany(ids.slice(0, 100)));
    expect(getMany.map((c) => c[0].toLowerCase())).toEqual(['mget']);

    let page = { records: [] as unknown[] };
    const list = await commandsFrom(admin, h.command, async () => {
      page = await h.store.list({ status: [MessageStatus.SENT] }, 100, null);
    });
    expect(list.map((c) => c[0].toLowerCase())).toEqual(['evalsha']);
    expect(page.records).toHaveLength(100);

    const write = jest.spyOn(h.command.stream, 'write');
    const apply = await commandsFrom(admin, h.command, () =>
      h.store.applyStatuses(
        ids.slice(0, 50).map((id) => update(id, MessageStatus.DELIVERED, 2)),
        SEQUENCE_BASE_MS + 3000,
      ),
    );
    // Two writes: the script run for all 50, then the test's own marker ECHO.
    expect(write).toHaveBeenCalledTimes(2);
    write.mockRestore();
    expect(apply.map((c) => c[0].toLowerCase())).toEqual(['evalsha']);
    const records = await h.store.getMany(ids.slice(0, 50));
    expect(records.every((r) => r?.status === MessageStatus.DELIVERED)).toBe(true);
  });

  it('stores the sends of one turn with one script run, each answered with its own outcome; a webhook with its own', async () => {
    const h = await harness();
    const admin = await connection();
    await h.store.applyStatuses([update('wamid.warm', MessageStatus.SENT, 1)], SEQUENCE_BASE_MS + 1000);
    const sends = Array.from({ length: 20 }, (_, i) => ({
      id: `wamid.turn${i}`,
      phoneNumberId: 'PN1',
      recipient: `+1650555${String(1000 + i)}`,
      waId: `1650555${String(1000 + i)}`,
      type: 'text',
      status: MessageStatus.ACCEPTED as const,
      createdAt: SEQUENCE_BASE_MS + i,
    }));
    // Sends' runs and webhooks' go by two names of the script: each is loaded on the connection once.
    await h.store.recordSent({ ...(sends[0] as NewMessage), id: 'wamid.warm.send' }, SEQUENCE_BASE_MS + 1000);
    let outcomes: Array<Awaited<ReturnType<typeof h.store.recordSent>>> = [];
    let delivered: Awaited<ReturnType<typeof h.store.applyStatuses>> = [];
    const commands = await commandsFrom(admin, h.command, async () => {
      [outcomes, delivered] = await Promise.all([
        Promise.all(sends.map((send) => h.store.recordSent(send, SEQUENCE_BASE_MS + 2000))),
        h.store.applyStatuses(
          [
            update('wamid.warm', MessageStatus.DELIVERED, 2),
            update('wamid.warm', MessageStatus.DELIVERED, 2),
          ],
          SEQUENCE_BASE_MS + 3000,
        ),
      ]);
    });
    expect(commands.map((c) => c[0].toLowerCase())).toEqual(['evalsha', 'evalsha']);
    expect(outcomes.map(({ record }) => record.id)).toEqual(sends.map((send) => send.id));
    expect(outcomes.map(({ record }) => record.recipient)).toEqual(sends.map((send) => send.recipient));
    expect(new Set(outcomes.map(({ event }) => event.cursor)).size).toBe(20);
    expect(delivered.map((outcome) => outcome.kind)).toEqual(['applied', 'duplicate']);
    const stored = await h.store.getMany(sends.map((send) => send.id));
    expect(stored).toEqual(outcomes.map(({ record }) => record));
  });

  it('fails only the send whose record does not decode, not the others stored in the same run', async () => {
    const h = await harness();
    await h.command.set(createMessageKeys(h.prefix).record('wamid.broken'), 'not json');
    const send = (id: string) =>
      h.store.recordSent(
        {
          id,
          phoneNumberId: 'PN1',
          recipient: '+16505551234',
          waId: '16505551234',
          type: 'text',
          status: MessageStatus.ACCEPTED,
          createdAt: SEQUENCE_BASE_MS,
        },
        SEQUENCE_BASE_MS + 1000,
      );
    const [broken, fine, webhook, otherWebhook] = await Promise.allSettled([
      send('wamid.broken'),
      send('wamid.fine'),
      h.store.applyStatuses([update('wamid.broken', MessageStatus.DELIVERED, 2)], SEQUENCE_BASE_MS + 3000),
      h.store.applyStatuses([update('wamid.other', MessageStatus.DELIVERED, 2)], SEQUENCE_BASE_MS + 3000),
    ]);
    expect(broken).toMatchObject({ status: 'rejected', reason: expect.any(Error) });
    expect(webhook).toMatchObject({ status: 'rejected', reason: expect.any(Error) });
    expect(fine).toMatchObject({ status: 'fulfilled', value: { record: { id: 'wamid.fine' } } });
    expect(otherWebhook).toMatchObject({ status: 'fulfilled', value: [{ kind: 'applied' }] });
  });

  it('expires old cursors with the default approximate trimming too', async () => {
    const h = await harness({ streamMaxLength: 10, streamTrim: StreamTrimMode.APPROXIMATE });
    const first = await h.store.applyStatuses([update('wamid.a0', MessageStatus.SENT, 1)], SEQUENCE_BASE_MS);
    if (first[0].kind !== 'applied') throw new Error('expected applied');
    // MAXLEN ~ trims whole stream nodes (100 entries by default): add enough for several.
    await h.store.applyStatuses(
      Array.from({ length: 400 }, (_, i) => update(`wamid.a${i + 1}`, MessageStatus.SENT, 1)),
      SEQUENCE_BASE_MS,
    );
    const length = await h.command.xlen(createMessageKeys(h.prefix).stream);
    expect(length).toBeLessThan(401);
    await expect(h.store.readEventsAfter(first[0].event.cursor, 10)).rejects.toBeInstanceOf(
      CursorExpiredError,
    );
  });

  it('rejects at once while its connection is down, and answers again after the reconnect', async () => {
    const name = `msg-test-down-${Math.random().toString(36).slice(2)}`;
    const h = await harness();
    const admin = await connection();
    await h.command.client('SETNAME', name);
    await admin
      .client('KILL', 'USER', 'default', 'SKIPME', 'no', 'LADDR', '0.0.0.0:0')
      .catch(() => undefined);
    const clients = String(await admin.client('LIST')).split('\n');
    const id = clients.find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.client('KILL', 'ID', String(id));
    await waitFor(() => h.command.status !== 'ready', 'the store connection to notice');
    await expect(
      h.store.applyStatuses([update('wamid.down', MessageStatus.SENT, 1)], SEQUENCE_BASE_MS),
    ).rejects.toThrow();
    await expect(h.store.getMany(['wamid.down'])).rejects.toThrow();
    await expect(h.store.ping()).rejects.toThrow();
    await waitFor(() => h.command.status === 'ready', 'the reconnect');
    await h.store.ping();
    const [outcome] = await h.store.applyStatuses(
      [update('wamid.down', MessageStatus.SENT, 1)],
      SEQUENCE_BASE_MS,
    );
    expect(outcome.kind).toBe('applied');
  });

  it('subscribes again after its connection drops, and ping tells', async () => {
    const h = await harness();
    const admin = await connection();
    const received: StatusChangeEvent[] = [];
    await h.bus.subscribe((e) => received.push(e));
    await killClient(admin, h.subscriber);
    await waitFor(() => h.subscriber.status !== 'ready', 'the bus connection to notice');
    await expect(h.bus.ping()).rejects.toThrow();
    await waitFor(() => h.subscriber.status === 'ready', 'the bus reconnect');
    await h.bus.ping();
    const channel = statusChannel(h.prefix);
    // The resubscription is asynchronous after `ready`: publish until one is delivered.
    const deadline = Date.now() + 5000;
    let applied = 0;
    while (received.length === 0 && Date.now() < deadline) {
      await h.store.applyStatuses([update(`wamid.re${applied++}`, MessageStatus.SENT, 1)], SEQUENCE_BASE_MS);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(received.length).toBeGreaterThan(0);
    expect(Number(((await admin.pubsub('NUMSUB', channel)) as [string, number])[1])).toBe(1);
  });

  it('drops and logs an event of an unknown version, on the channel and in the stream', async () => {
    const { logger, lines } = memoryLogger();
    const h = await harness({ logger });
    const received: StatusChangeEvent[] = [];
    await h.bus.subscribe((e) => received.push(e));
    await h.command.publish(statusChannel(h.prefix), JSON.stringify({ v: 2, anything: true }));
    await h.command.xadd(createMessageKeys(h.prefix).stream, '*', 'e', JSON.stringify({ v: 2 }));
    const [outcome] = await h.store.applyStatuses(
      [update('wamid.v', MessageStatus.SENT, 1)],
      SEQUENCE_BASE_MS,
    );
    if (outcome.kind !== 'applied') throw new Error('expected applied');
    await waitFor(() => received.length === 1, 'the valid event');
    expect(received).toEqual([outcome.event]);
    expect(await h.store.readEventsAfter('0-0', 10)).toEqual([outcome.event]);
    const warnings = lines().filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual([
      'Dropped a published event this version cannot read.',
      'Dropped a stream event this version cannot read.',
    ]);
    expect(warnings[0].reason).toBe('Status event dropped: unknown version 2');
  });

  it('refuses a subscriber connection that would not resubscribe', async () => {
    const noResubscribe = new Redis({
      host: '127.0.0.1',
      port: 6379,
      lazyConnect: true,
      autoResubscribe: false,
    });
    expect(
      () => new RedisStatusBus(noResubscribe, { keyPrefix: 'x:', logger: createSilentLogger() }),
    ).toThrow(/autoResubscribe/);
    noResubscribe.disconnect();
  });

  it('leaves no key behind once the harness is closed', async () => {
    const h = await openRedisHarness();
    const admin = await connection();
    await h.store.recordSent(
      {
        id: 'wamid.clean',
        phoneNumberId: '1',
        recipient: '+16505551234',
        waId: '16505551234',
        type: 'text',
        status: MessageStatus.ACCEPTED,
        createdAt: SEQUENCE_BASE_MS,
      },
      SEQUENCE_BASE_MS,
    );
    expect((await admin.keys(`${h.prefix}*`)).length).toBeGreaterThan(0);
    await h.close();
    expect(await admin.keys(`${h.prefix}*`)).toEqual([]);
  });
});

describe('the store on the command connection the composition root opens', () => {
  /** The store on a connection with the production options, and the commands Redis receives, in order. */
  async function storeWatched(): Promise<{ store: RedisMessageStore; received: string[]; marker: Redis }> {
    const command = new Redis({
      host: '127.0.0.1',
      port: REDIS_PORT,
      lazyConnect: true,
      ...recommendedRedisOptions,
      ...recommendedCommandConnectionOptions,
    });
    await command.connect();
    connections.push(command);
    const { store } = createRedisMessaging(
      { command, subscriber: await connection() },
      { keyPrefix: randomPrefix(), logger: createSilentLogger() },
    );
    await store.recordSent(sequenceSend('wamid.first'), SEQUENCE_BASE_MS);
    const monitor = await command.monitor();
    connections.push(monitor);
    const marker = await connection();
    // Only these two clients: MONITOR sees every client of the server, and others may share it.
    const sources = new Set([command, marker].map((client) => `127.0.0.1:${client.stream.localPort}`));
    const received: string[] = [];
    monitor.on('monitor', (_time: string, args: string[], from: string) => {
      if (!sources.has(from)) return;
      const name = String(args[0]).toLowerCase();
      // A script run is an EVALSHA, or an EVAL where ioredis has not seen the script loaded yet.
      if (name === 'evalsha' || name === 'eval') received.push('script');
      if (name === 'echo' && args[1] === 'marker') received.push('marker');
    });
    return { store, received, marker };
  }

  it('writes the sends of a turn to Redis in that turn, not after the next turn’s I/O', async () => {
    const { store, received, marker } = await storeWatched();
    const stored = store.recordSent(sequenceSend('wamid.second'), SEQUENCE_BASE_MS);
    // Queued after the store's end-of-turn run, so it runs in the same turn, just after it.
    setImmediate(() => void marker.echo('marker'));
    await stored;

    await waitFor(() => received.length >= 2, 'both commands on MONITOR');
    expect(received).toEqual(['script', 'marker']);
  });

  it('leaves a webhook’s run to the end of its turn, so that the webhooks of a turn leave in one write', async () => {
    const { store, received, marker } = await storeWatched();
    const applied = store.applyStatuses(
      [update('wamid.first', MessageStatus.SENT, SEQUENCE_BASE_MS + 1_000)],
      SEQUENCE_BASE_MS + 1_000,
    );
    void marker.echo('marker');
    await applied;

    await waitFor(() => received.length >= 2, 'both commands on MONITOR');
    expect(received).toEqual(['marker', 'script']);
  });
});
