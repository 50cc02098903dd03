import { Cluster, Redis, type RedisOptions } from 'ioredis';
import {
  type AccountEventStore,
  decodePublishedAccountEvent,
  MemoryAccountEventStore,
  RedisAccountEventStore,
} from './account-events';
import { type CallStore, decodePublishedCallEvent, MemoryCallStore, RedisCallStore } from './calls';
import { type Config } from './config';
import { type ContactStore, MemoryContactStore, RedisContactStore } from './contacts';
import {
  decodePublishedInbound,
  type InboundStore,
  MemoryInboundStore,
  RedisInboundStore,
} from './conversations';
import { type AccountEventFeed, type CallEventFeed, type InboundFeed } from './live';
import { type ReadinessCheck } from './http';
import {
  CLUSTER_PARTITION_COUNT,
  createMemoryMessaging,
  createRedisMessaging,
  recommendedCommandConnectionOptions,
  type MessageStore,
  type StatusBus,
} from './messages';
import { type Logger, type Metrics } from './observability';
import { recommendedClusterOptions, recommendedRedisOptions, RedisChannel } from './store-kit';
import {
  MemoryTemplateCatalogueStore,
  RedisTemplateCatalogueStore,
  type TemplateCatalogueStore,
} from './templates';

export interface OpenedStore {
  store: MessageStore;
  bus: StatusBus;
  contacts: ContactStore;
  accountEvents: AccountEventStore;
  inbound: InboundStore;
  calls: CallStore;
  /** The live side of the inbound, account event and call event streams (pub/sub, or the embedded stores). */
  inboundFeed: InboundFeed;
  accountEventFeed: AccountEventFeed;
  callFeed: CallEventFeed;
  /** Every business account's template catalogue. */
  templates: TemplateCatalogueStore;
  /**
   * Registers a listener called each time the pub/sub connection is back after a loss (not at the first
   * connect): what was published meanwhile was not heard. Never called when embedded.
   */
  onSubscriberReconnect: (listener: () => void) => void;
  /** What `/readyz` asks. */
  checks: ReadinessCheck[];
  /** The command connection, for the stores of idempotency keys and send rates; null when embedded. */
  redis: Redis | Cluster | null;
}

/**
 * The message store and status bus the configuration asks for: in-process, one Redis, or Redis Cluster (the
 * keyspace in `CLUSTER_PARTITION_COUNT` partitions, each keeping its share of STREAM_MAX_LENGTH, with sharded
 * pub/sub). Every connection it opens is handed to `onClose` so the caller closes it at shutdown.
 */
export async function openStore(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  onClose: (close: () => Promise<unknown>) => void,
): Promise<OpenedStore> {
  const retentionMs = config.messageRetentionMs;
  const options = {
    streamMaxLength: config.streamMaxLength,
    retentionMs,
    logger: logger.child({ component: 'store' }),
  };
  const { store: storeConfig } = config;
  if (storeConfig.mode === 'embedded') {
    const { store, bus } = createMemoryMessaging(options);
    const accountEvents = new MemoryAccountEventStore(config.streamMaxLength);
    const inbound = new MemoryInboundStore(config.streamMaxLength, Date.now, retentionMs);
    const calls = new MemoryCallStore(config.streamMaxLength, Date.now, retentionMs);
    return {
      store,
      bus,
      contacts: new MemoryContactStore(retentionMs),
      accountEvents,
      inbound,
      calls,
      inboundFeed: inbound,
      accountEventFeed: accountEvents,
      callFeed: calls,
      templates: new MemoryTemplateCatalogueStore(),
      onSubscriberReconnect: () => undefined,
      checks: [],
      redis: null,
    };
  }

  const watched = <T extends Redis | Cluster>(connection: T, name: string): T => {
    connection.on('error', (err: Error) => {
      metrics.redisError(name);
      logger.warn({ err: { message: err.message }, connection: name }, 'Redis connection error');
    });
    onClose(() => connection.quit().catch(() => connection.disconnect()));
    return connection;
  };
  const cluster = storeConfig.mode === 'cluster';
  const connect = (name: string, role: 'command' | 'subscriber'): Redis | Cluster => {
    if (storeConfig.mode === 'cluster') {
      return watched(
        new Cluster([...storeConfig.nodes], {
          ...recommendedClusterOptions,
          redisOptions: {
            ...recommendedClusterOptions.redisOptions,
            commandTimeout: config.redisCommandTimeoutMs,
            connectionName: `wa-gateway-${name}`,
          },
          shardedSubscribers: role === 'subscriber',
          lazyConnect: true,
        }),
        name,
      );
    }
    // Not on a cluster: auto-pipelining routes by first argument, which for XINFO is not the key.
    const extra: RedisOptions = role === 'command' ? recommendedCommandConnectionOptions : {};
    return watched(
      new Redis(storeConfig.url, {
        ...recommendedRedisOptions,
        ...extra,
        commandTimeout: config.redisCommandTimeoutMs,
        connectionName: `wa-gateway-${name}`,
        lazyConnect: true,
      }),
      name,
    );
  };

  const command = connect('command', 'command');
  const subscriber = connect('subscriber', 'subscriber');
  await Promise.all([command.connect(), subscriber.connect()]);
  const { store, bus } = createRedisMessaging(
    { command, subscriber },
    {
      ...options,
      keyPrefix: config.redisKeyPrefix,
      ...(cluster && {
        partitions: CLUSTER_PARTITION_COUNT,
        streamMaxLength: Math.max(1, Math.ceil(config.streamMaxLength / CLUSTER_PARTITION_COUNT)),
      }),
    },
  );
  onClose(() => bus.close());
  const accountEvents = new RedisAccountEventStore(command, {
    keyPrefix: config.redisKeyPrefix,
    maxLength: config.streamMaxLength,
  });
  const inbound = new RedisInboundStore(command, {
    keyPrefix: config.redisKeyPrefix,
    maxLength: config.streamMaxLength,
    retentionMs,
  });
  const calls = new RedisCallStore(command, {
    keyPrefix: config.redisKeyPrefix,
    maxLength: config.streamMaxLength,
    retentionMs,
  });
  const liveLogger = logger.child({ component: 'live' });
  return {
    store,
    bus,
    contacts: new RedisContactStore(command, config.redisKeyPrefix, retentionMs),
    accountEvents,
    inbound,
    calls,
    // The same subscriber connection as the status bus: each listens to its own channel on it.
    inboundFeed: new RedisChannel(subscriber, inbound.channel, decodePublishedInbound, liveLogger),
    accountEventFeed: new RedisChannel(
      subscriber,
      accountEvents.channel,
      decodePublishedAccountEvent,
      liveLogger,
    ),
    callFeed: new RedisChannel(subscriber, calls.channel, decodePublishedCallEvent, liveLogger),
    // On the same subscriber connection as the other channels.
    templates: new RedisTemplateCatalogueStore(
      command,
      subscriber,
      config.redisKeyPrefix,
      logger.child({ component: 'templates' }),
    ),
    onSubscriberReconnect: (listener) => {
      // Connected already when this is called: every later `ready` follows a loss of the connection.
      subscriber.on('ready', listener);
    },
    redis: command,
    checks: [
      { name: 'store', check: () => store.ping() },
      { name: 'bus', check: () => bus.ping() },
    ],
  };
}
