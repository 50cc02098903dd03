import DataLoader from 'dataloader';
import { type MessageRecord, type MessageStore } from '../messages';
import { type EpochMillis } from '../store-kit';

/** Per-request loaders: one batch, one store round trip. Never shared between requests (no stale reads). */
export interface Loaders {
  message: DataLoader<string, MessageRecord | null>;
  /** Keyed `waId|phoneNumberId`: when the customer last wrote to that business number. */
  lastInbound: DataLoader<string, EpochMillis | null>;
}

export function createLoaders(store: MessageStore): Loaders {
  return {
    message: new DataLoader((ids) => store.getMany(ids), { maxBatchSize: 500 }),
    lastInbound: new DataLoader(
      (keys) =>
        Promise.all(
          keys.map((key) => {
            const [waId, phoneNumberId] = key.split('|') as [string, string];
            return store.lastInboundAt(waId, phoneNumberId);
          }),
        ),
      { batch: false },
    ),
  };
}

/** Puts records that a list query already read into the loader, so their fields cost nothing more. */
export function primeMessages(loaders: Loaders, records: readonly MessageRecord[]): void {
  for (const record of records) loaders.message.prime(record.id, record);
}
