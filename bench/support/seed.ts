import { type Redis } from 'ioredis';
import { RedisMessageStore, type StatusUpdate } from '../../src/messages';
import { createLogger } from '../../src/observability';
import { GATEWAY_KEY_PREFIX } from './bench-constants';

/** The store the gateway uses, on the bench database with the gateway's prefix and channel. */
export function benchStore(redis: Redis): RedisMessageStore {
  return new RedisMessageStore(redis, {
    keyPrefix: GATEWAY_KEY_PREFIX,
    streamMaxLength: 1_000_000,
    logger: createLogger({ level: 'silent' }),
  });
}

/** Applies updates in pipelined batches; returns the applied events' cursors in order. */
export async function applyInBatches(
  store: RedisMessageStore,
  updates: readonly StatusUpdate[],
  batchSize = 100,
): Promise<string[]> {
  const cursors: string[] = [];
  for (let start = 0; start < updates.length; start += batchSize) {
    const outcomes = await store.applyStatuses(updates.slice(start, start + batchSize), Date.now());
    for (const outcome of outcomes) if (outcome.kind === 'applied') cursors.push(outcome.event.cursor);
  }
  return cursors;
}
