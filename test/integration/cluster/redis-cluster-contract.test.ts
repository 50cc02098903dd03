import { defineMessageStoreContract } from '../messages/message-store.contract';
import { openClusterMessaging } from './redis-cluster-messaging';
import { startRedisCluster, type RedisClusterProcess } from './redis-cluster-process';

let cluster: RedisClusterProcess;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

defineMessageStoreContract(
  'redis cluster, partitioned',
  (options) => openClusterMessaging(cluster, { streamMaxLength: options.streamMaxLength }),
  { readsWindowWithSend: false },
);
