/**
 * Redis key names of the message domain.
 *
 * Every key carries the same hash tag (`{m}`), so that the apply script can touch a message's record,
 * the indexes and the event stream in one atomic step, and the list script can read records next to the
 * index it walks. On a single Redis this costs nothing. For Redis Cluster the plan is to replace the one
 * tag by a partition tag chosen by hashing the wamid (`{m0}` … `{mN}`): each partition then has its own
 * records, indexes, stream (cursors gaining a partition prefix) and sharded pub/sub channel, and a query
 * merges the partitions' pages. Nothing outside this module builds a key name.
 */
export interface MessageKeys {
  /** The message record, a JSON string. */
  record(messageId: string): string;
  /** Sorted set of every message id by createdAt. */
  readonly indexAll: string;
  /** Sorted set of the ids sent from one business phone number, by createdAt. */
  indexByPhoneNumber(phoneNumberId: string): string;
  /** Sorted set of the ids sent to one recipient (E.164), by createdAt. */
  indexByRecipient(recipient: string): string;
  /** The prefix of `indexByRecipient` keys, for the apply script to move an id between recipients. */
  readonly indexByRecipientPrefix: string;
  /** The prefix of `record` keys, for the list script to read the records of the ids it walks. */
  readonly recordPrefix: string;
  /** Hash of waId → latest inbound time, per business phone number. */
  inbound(phoneNumberId: string): string;
  /** The bounded stream of status events; its entry ids are the subscription cursors. */
  readonly stream: string;
}

export const MESSAGE_KEYS_HASH_TAG = '{m}';

export function createMessageKeys(keyPrefix: string): MessageKeys {
  const base = `${keyPrefix}${MESSAGE_KEYS_HASH_TAG}:`;
  const recordPrefix = `${base}msg:`;
  const indexByRecipientPrefix = `${base}idx:to:`;
  return {
    record: (messageId) => `${recordPrefix}${messageId}`,
    indexAll: `${base}idx:all`,
    indexByPhoneNumber: (phoneNumberId) => `${base}idx:pn:${phoneNumberId}`,
    indexByRecipient: (recipient) => `${indexByRecipientPrefix}${recipient}`,
    indexByRecipientPrefix,
    recordPrefix,
    inbound: (phoneNumberId) => `${base}inbound:${phoneNumberId}`,
    stream: `${base}events`,
  };
}
