import { MESSAGE_KEYS_HASH_TAG } from './keys';

/**
 * Partitions of the message keyspace for Redis Cluster. A message lives in the partition its wamid hashes
 * to; each partition is one hash tag, so its records, indexes, event stream and sharded channel share one
 * slot. The count is part of the data layout: changing it for existing data makes messages unreachable.
 */

/** Partitions the gateway uses on Redis Cluster: enough to spread over a few masters, few enough to merge. */
export const CLUSTER_PARTITION_COUNT = 8;

/** Redis Cluster's slot count. */
const SLOTS = 16_384;

const CRC16_TABLE = ((): Uint16Array => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i += 1) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit += 1)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** The cluster slot of a key (CRC16/XMODEM of its hash tag, or of the whole key without one). */
function hashSlot(key: string): number {
  const open = key.indexOf('{');
  let hashed = key;
  if (open !== -1) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) hashed = key.slice(open + 1, close);
  }
  let crc = 0;
  for (const byte of Buffer.from(hashed, 'utf8')) {
    crc = ((crc << 8) & 0xffff) ^ (CRC16_TABLE[((crc >> 8) ^ byte) & 0xff] as number);
  }
  return crc % SLOTS;
}

/**
 * The hash tag of every partition. One partition keeps the historical `{m}`; more get `{m<i>.<j>}`, the
 * first `j` that puts partition `i` in the i-th equal share of the slot range, so that the partitions
 * spread over the masters of a cluster whose slots were split evenly (what `--cluster create` does).
 */
export function partitionHashTags(count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new Error(`The partition count must be a positive integer, got ${String(count)}.`);
  }
  if (count === 1) return [MESSAGE_KEYS_HASH_TAG];
  return Array.from({ length: count }, (_, i) => {
    const low = Math.floor((i * SLOTS) / count);
    const high = Math.floor(((i + 1) * SLOTS) / count);
    for (let j = 0; ; j += 1) {
      const tag = `m${i}.${j}`;
      const slot = hashSlot(tag);
      if (slot >= low && slot < high) return `{${tag}}`;
    }
  });
}

/** The partition of a message (FNV-1a of its id): stable across processes and versions. */
export function messagePartition(messageId: string, count: number): number {
  if (count === 1) return 0;
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(messageId, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}
