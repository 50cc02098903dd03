import { createMemoryMessaging } from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { defineMessageStoreContract } from './message-store.contract';

defineMessageStoreContract('memory', async (options) => {
  const { store, bus } = createMemoryMessaging({
    streamMaxLength: options.streamMaxLength,
    logger: createSilentLogger(),
  });
  return { store, bus, close: () => bus.close() };
});
