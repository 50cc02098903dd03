import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { composeSendHandler } from './compose-send-handler';
import { type Config } from './config';
import { buildGatewaySchema, MessageSender, StatusEventStream } from './graphql';
import { ApiKeyAuthenticator, createGatewayServer, type ReadinessCheck } from './http';
import {
  createMemoryMessaging,
  CLUSTER_PARTITION_COUNT,
  createRedisMessaging,
  recommendedClusterOptions,
  recommendedRedisOptions,
  type MessageStore,
  type StatusBus,
} from './messages';
import { type Logger, Metrics } from './observability';
import { startSimulator, type RunningSimulator } from './simulator';
import { GraphApiClient } from './upstream';
import { createWebhookHandler } from './webhooks';

/** The token the gateway presents to its embedded simulator; the simulator accepts any ordinary token. */
const SIMULATOR_ACCESS_TOKEN = 'simulated-access-token';

export interface RunningGateway {
  /** `http://host:port` */
  url: string;
  /** The embedded simulator, when no access token was configured. */
  simulator: RunningSimulator | null;
  close(): Promise<void>;
}

export interface GatewayOverrides {
  clock?: () => number;
}

/**
 * Builds every part from the configuration and starts serving: the upstream (Meta, or the embedded
 * simulator), the store and bus (Redis, or in-process), the schema, and the server.
 */
export async function startGateway(
  config: Config,
  logger: Logger,
  overrides: GatewayOverrides = {},
): Promise<RunningGateway> {
  const clock = overrides.clock ?? Date.now;
  const metrics = new Metrics();
  const closers: Array<() => Promise<unknown>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse())
      await close().catch((err: unknown) => logger.warn({ err }, 'error while closing'));
  };

  try {
    let simulator: RunningSimulator | null = null;
    let upstreamOptions: {
      baseUrl: string;
      accessToken: string;
      phoneNumberId: string;
      appId?: string | null;
    };
    if (config.upstream.mode === 'simulated') {
      simulator = await startSimulator({
        appSecret: config.webhook.appSecret,
        apiVersion: config.upstream.apiVersion,
        ...(config.upstream.phoneNumberId && { phoneNumberId: config.upstream.phoneNumberId }),
        logger: logger.child({ component: 'simulator' }),
      });
      closers.push(() => simulator!.close());
      upstreamOptions = {
        baseUrl: simulator.url,
        accessToken: SIMULATOR_ACCESS_TOKEN,
        phoneNumberId: simulator.phoneNumberId,
      };
      logger.warn(
        { simulator: simulator.url },
        'No WHATSAPP_ACCESS_TOKEN: using the embedded Cloud API simulator',
      );
    } else {
      upstreamOptions = config.upstream;
    }

    const upstream = new GraphApiClient({
      baseUrl: upstreamOptions.baseUrl,
      apiVersion: config.upstream.apiVersion,
      accessToken: upstreamOptions.accessToken,
      // debug_token is best asked with the app's own token: it works even when the system-user token expired.
      ...(upstreamOptions.appId && {
        appAccessToken: `${upstreamOptions.appId}|${config.webhook.appSecret}`,
      }),
      requestTimeoutMs: config.upstreamTimeoutMs,
      breaker: config.upstreamBreaker,
      logger: logger.child({ component: 'upstream' }),
      onRequestComplete: (info) => metrics.upstreamRequest(info),
    });
    closers.push(() => upstream.close());
    upstream.onBreakerStateChange((state) => metrics.breakerState(state));

    const { store, bus, checks, redis } = await openStore(config, logger, closers, metrics);
    const sender = composeSendHandler({
      config,
      sender: new MessageSender({
        upstream,
        store,
        defaultPhoneNumberId: upstreamOptions.phoneNumberId,
        clock,
      }),
      store,
      redis,
      keyPrefix: config.redisKeyPrefix,
      defaultPhoneNumberId: upstreamOptions.phoneNumberId,
      logger,
    });
    const schema = await buildGatewaySchema({
      store,
      upstream,
      sender,
      defaultPhoneNumberId: upstreamOptions.phoneNumberId,
      ownToken: upstreamOptions.accessToken,
      clock,
    });
    const authenticator = new ApiKeyAuthenticator(config.apiKeys);
    if (authenticator.open) {
      logger.warn('GATEWAY_API_KEYS is not set: the gateway is OPEN to every caller (simulated mode only)');
    }
    const server = await createGatewayServer({
      config,
      schema,
      store,
      statusEvents: new StatusEventStream({ store, bus }),
      webhooks: createWebhookHandler({
        store,
        appSecret: config.webhook.appSecret,
        verifyToken: config.webhook.verifyToken,
        logger: logger.child({ component: 'webhooks' }),
        clock,
        onEvents: (counts) => metrics.webhookEvents(counts),
      }),
      authenticator,
      readinessChecks: [...checks, upstreamReadiness(upstream)],
      logger,
      metrics,
    });
    const url = await server.listen();
    closers.push(() => server.close());
    simulator?.setWebhookUrl(`${loopbackUrl(url)}/webhooks/whatsapp`);
    logger.info(
      { url, graphql: `${url}/graphql`, store: config.store.mode, upstream: config.upstream.mode },
      'gateway ready',
    );
    return { url, simulator, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function openStore(
  config: Config,
  logger: Logger,
  closers: Array<() => Promise<unknown>>,
  metrics: Metrics,
): Promise<{
  store: MessageStore;
  bus: StatusBus;
  checks: ReadinessCheck[];
  redis: Redis | Cluster | null;
}> {
  const options = { streamMaxLength: config.streamMaxLength, logger: logger.child({ component: 'store' }) };
  if (config.store.mode === 'embedded') {
    const { store, bus } = createMemoryMessaging(options);
    return { store, bus, checks: [], redis: null };
  }
  if (config.store.mode === 'cluster') {
    return openClusterStore(
      config.store.nodes,
      { ...options, keyPrefix: config.redisKeyPrefix },
      logger,
      closers,
      metrics,
    );
  }
  const connect = (name: string, options: RedisOptions = {}): Redis => {
    const redis = new Redis(config.store.mode === 'redis' ? config.store.url : '', {
      ...recommendedRedisOptions,
      ...options,
      connectionName: `wa-gateway-${name}`,
      lazyConnect: true,
    });
    redis.on('error', (err: Error) => {
      metrics.redisError(name);
      logger.warn({ err: { message: err.message }, connection: name }, 'Redis connection error');
    });
    closers.push(() => redis.quit().catch(() => redis.disconnect()));
    return redis;
  };
  // Commands issued in the same tick by concurrent requests leave in one write (one syscall, one packet).
  const command = connect('command', { enableAutoPipelining: true });
  const subscriber = connect('subscriber');
  await Promise.all([command.connect(), subscriber.connect()]);
  const { store, bus } = createRedisMessaging(
    { command, subscriber },
    { ...options, keyPrefix: config.redisKeyPrefix },
  );
  closers.push(() => bus.close());
  return {
    store,
    bus,
    redis: command,
    checks: [
      { name: 'store', check: () => store.ping() },
      { name: 'bus', check: () => bus.ping() },
    ],
  };
}

/**
 * The store and bus on Redis Cluster: the keyspace in `CLUSTER_PARTITION_COUNT` partitions, each keeping
 * its share of STREAM_MAX_LENGTH, and sharded pub/sub. Features that need a single Redis get none.
 */
async function openClusterStore(
  nodes: ReadonlyArray<{ host: string; port: number }>,
  options: { streamMaxLength: number; logger: Logger; keyPrefix: string },
  logger: Logger,
  closers: Array<() => Promise<unknown>>,
  metrics: Metrics,
): Promise<{ store: MessageStore; bus: StatusBus; checks: ReadinessCheck[]; redis: Cluster }> {
  const connect = (name: string, shardedSubscribers: boolean): Cluster => {
    const cluster = new Cluster([...nodes], {
      ...recommendedClusterOptions,
      redisOptions: { ...recommendedClusterOptions.redisOptions, connectionName: `wa-gateway-${name}` },
      shardedSubscribers,
      lazyConnect: true,
    });
    cluster.on('error', (err: Error) => {
      metrics.redisError(name);
      logger.warn({ err: { message: err.message }, connection: name }, 'Redis Cluster connection error');
    });
    closers.push(() => cluster.quit().catch(() => cluster.disconnect()));
    return cluster;
  };
  const command = connect('command', false);
  const subscriber = connect('subscriber', true);
  await Promise.all([command.connect(), subscriber.connect()]);
  const { store, bus } = createRedisMessaging(
    { command, subscriber },
    {
      ...options,
      partitions: CLUSTER_PARTITION_COUNT,
      streamMaxLength: Math.max(1, Math.ceil(options.streamMaxLength / CLUSTER_PARTITION_COUNT)),
    },
  );
  closers.push(() => bus.close());
  return {
    store,
    bus,
    // Idempotency keys and send-rate buckets: one key per script, so they run on a cluster as they are.
    redis: command,
    checks: [
      { name: 'store', check: () => store.ping() },
      { name: 'bus', check: () => bus.ping() },
    ],
  };
}

/** Not ready while the circuit to the Graph API is open: every send would fail at once. */
function upstreamReadiness(upstream: GraphApiClient): ReadinessCheck {
  return {
    name: 'upstream',
    check: async () => {
      if (upstream.breakerState() === 'open') throw new Error('circuit open');
    },
  };
}

/** The address the simulator posts webhooks to: the loopback, even when the gateway listens on every interface. */
function loopbackUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = '127.0.0.1';
  return parsed.origin;
}
