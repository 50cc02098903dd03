import { defineMessageStoreContract } from './message-store.contract';
import { openRedisHarness } from './redis-harness';

defineMessageStoreContract('redis', (options) =>
  openRedisHarness({ streamMaxLength: options.streamMaxLength }),
);
