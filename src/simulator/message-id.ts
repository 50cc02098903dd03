import { randomBytes } from 'node:crypto';

// Ids must be unique, not unguessable: a random per-process prefix and a counter avoid a crypto call on
// every send (the simulator is also the instant upstream of the benchmarks).
const PROCESS_PREFIX = randomBytes(3).toString('hex').toUpperCase();
let counter = 0;

/** 18 uppercase hex characters, unique within the process and unlikely to repeat across processes. */
export function nextUniqueHex(): string {
  counter = (counter + 1) % 0x1000000000000;
  return PROCESS_PREFIX + counter.toString(16).toUpperCase().padStart(12, '0');
}

/**
 * A new `wamid.` id shaped like Meta's: base64 of a small binary record holding the recipient's wa_id
 * and an 18-character hex id (`HBgL…` for 11-digit numbers), so ids look and sort like real ones.
 */
export function newMessageId(waId: string): string {
  const record = Buffer.from(
    `\x1c\x18${String.fromCharCode(waId.length & 0xff)}${waId}\x15\x02\x00\x11\x18\x12${nextUniqueHex()}\x00`,
    'latin1',
  );
  return `wamid.${record.toString('base64')}`;
}
