/**
 * Redis key names of the message domain.
 *
 * Every key of a partition carries the partition's hash tag, so that the apply script can touch a
 * message's record, the indexes and the event stream in one atomic step, and the list script can read
 * records next to the index it walks. A single Redis has one partition, tagged `{m}`. On Redis Cluster the
 * wamid's hash picks one of several partitions (`partitions.ts`), each with its own records,
 * indexes, stream and sharded pub/sub channel; queries merge the partitions' answers. Nothing outside this
 * module builds a key name.
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
  /** The latest inbound time of one customer (waId) to one business phone number; expires with retention. */
  inbound(phoneNumberId: string, waId: string): string;
  /** The bounded stream of status events; its entry ids are the subscription cursors. */
  readonly stream: string;
  /** The partition's sharded pub/sub channel (Redis Cluster); one Redis publishes on `statusChannel`. */
  readonly shardChannel: string;
}

export const MESSAGE_KEYS_HASH_TAG = '{m}';

/** The keys of one partition; `hashTag` is the partition's (`partitionHashTags`), `{m}` for one Redis. */
export function createMessageKeys(keyPrefix: string, hashTag: string = MESSAGE_KEYS_HASH_TAG): MessageKeys {
  const base = `${keyPrefix}${hashTag}:`;
  const recordPrefix = `${base}msg:`;
  const indexByRecipientPrefix = `${base}idx:to:`;
  return {
    record: (messageId) => `${recordPrefix}${messageId}`,
    indexAll: `${base}idx:all`,
    indexByPhoneNumber: (phoneNumberId) => `${base}idx:pn:${phoneNumberId}`,
    indexByRecipient: (recipient) => `${indexByRecipientPrefix}${recipient}`,
    indexByRecipientPrefix,
    recordPrefix,
    inbound: (phoneNumberId, waId) => `${base}inbound:${phoneNumberId}:${waId}`,
    stream: `${base}events`,
    shardChannel: `${base}status-changed`,
  };
}
