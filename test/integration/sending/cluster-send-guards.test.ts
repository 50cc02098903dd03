import { randomBytes } from 'node:crypto';
import { Cluster } from 'ioredis';
import { startRedisCluster, type RedisClusterProcess } from '../cluster/redis-cluster-process';
import { defineIdempotencyStoreContract } from './idempotency-store.contract';
import { recommendedClusterOptions } from '../../../src/store-kit';
import { RedisIdempotencyStore, RedisSendRateLimiter } from '../../../src/sending';

/** Keys and buckets touch one key per script, so they work on Redis Cluster as they are. */
describe('idempotency keys and send rate on Redis Cluster', () => {
  let cluster: RedisClusterProcess;
  const connections: Cluster[] = [];
  const connect = async (): Promise<Cluster> => {
    const connection = new Cluster(cluster.nodes, { ...recommendedClusterOptions, lazyConnect: true });
    await connection.connect();
    connections.push(connection);
    return connection;
  };
  beforeAll(async () => {
    cluster = await startRedisCluster(3);
  }, 60_000);
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await cluster?.stop();
  });

  defineIdempotencyStoreContract('RedisIdempotencyStore on a cluster', async (options) => ({
    store: new RedisIdempotencyStore(await connect(), {
      ...options,
      keyPrefix: `test:idem:${randomBytes(6).toString('hex')}:`,
    }),
    close: () => Promise.resolve(),
  }));

  it('shares one bucket per sender between two cluster clients', async () => {
    const options = {
      keyPrefix: `test:rate:${randomBytes(6).toString('hex')}:`,
      ratePerSecond: 0.01,
      burst: 2,
    };
    const [a, b] = [
      new RedisSendRateLimiter(await connect(), options),
      new RedisSendRateLimiter(await connect(), options),
    ];
    const decisions = await Promise.all([a.take('pn'), b.take('pn'), a.take('pn'), b.take('pn')]);
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(2);
  });
});
