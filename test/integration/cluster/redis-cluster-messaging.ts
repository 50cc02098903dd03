import { randomBytes } from 'node:crypto';
import { Cluster } from 'ioredis';
import {
  CLUSTER_PARTITION_COUNT,
  createRedisMessaging,
  StreamTrimMode,
  type RedisMessageStore,
} from '../../../src/messages';
import { messagePartition } from '../../../src/messages/redis/partitions';
import { type RedisStatusBus } from '../../../src/messages/redis/status-bus';
import { createSilentLogger } from '../../../src/observability';
import { type RedisClusterProcess } from './redis-cluster-process';
import { recommendedClusterOptions } from '../../../src/store-kit';

export interface ClusterMessaging {
  command: Cluster;
  subscriber: Cluster;
  store: RedisMessageStore;
  bus: RedisStatusBus;
  partitionOf: (messageId: string) => number;
  close(): Promise<void>;
}

/** A store and bus on the test cluster, as the gateway opens them, under a fresh key prefix. */
export async function openClusterMessaging(
  cluster: RedisClusterProcess,
  options: { streamMaxLength?: number; partitions?: number } = {},
): Promise<ClusterMessaging> {
  const partitions = options.partitions ?? CLUSTER_PARTITION_COUNT;
  const connect = (shardedSubscribers: boolean): Cluster =>
    new Cluster(cluster.nodes, {
      ...recommendedClusterOptions,
      shardedSubscribers,
      lazyConnect: true,
    });
  const command = connect(false);
  const subscriber = connect(true);
  await Promise.all([command.connect(), subscriber.connect()]);
  const { store, bus } = createRedisMessaging(
    { command, subscriber },
    {
      keyPrefix: `test:cluster:${randomBytes(6).toString('hex')}:`,
      partitions,
      streamMaxLength: options.streamMaxLength,
      streamTrim: options.streamMaxLength !== undefined ? StreamTrimMode.EXACT : undefined,
      logger: createSilentLogger(),
    },
  );
  return {
    command,
    subscriber,
    store,
    bus,
    partitionOf: (id) => messagePartition(id, partitions),
    async close() {
      await bus.close();
      // The cluster itself is thrown away after the file; its keys go with it.
      command.disconnect();
      subscriber.disconnect();
    },
  };
}
