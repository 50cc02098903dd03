import { type Logger } from '../../observability';
import { type MessageKeys } from './keys';
import {
  type MessageRecord,
  type NewEcho,
  type NewMessage,
  type StatusChangeEvent,
  type StatusUpdate,
} from '../message-record';
import { decodeMessageRecord } from './record-codec';
import {
  type ApplyOutcome,
  type MessageFilter,
  type MessagePage,
  type MessageStore,
  type RecordedSend,
} from '../message-store';
import { messagePartition } from './partitions';
import {
  APPLY_AT_ONCE_COMMAND,
  APPLY_COMMAND,
  APPLY_SCRIPT,
  type ApplyCommand,
  type ApplyItem,
  type ApplyItemReply,
  type ApplyPartition,
  applyPartitionsOf,
  decodeApplyReply,
  encodeApplyArgs,
  encodeApplyKeys,
  type SendFacts,
} from './apply-script';
import {
  decodeListMessagesReply,
  encodeListMessagesArgs,
  LIST_MESSAGES_COMMAND,
  LIST_MESSAGES_SCRIPT,
} from './list-script';
import {
  decodeInboundMaxReply,
  encodeInboundMaxArgs,
  INBOUND_MAX_COMMAND,
  INBOUND_MAX_SCRIPT,
} from './inbound-max-script';
import { mergeListPages, type PartitionPage } from './list-merge';
import { redisMessageLayout, type RedisMessageLayout } from './message-layout';
import { positiveInteger, StreamTrimMode, type RedisMessageStoreOptions } from './message-store-options';
import { decodeStatusEvent } from '../status-event-codec';
import { readStreamsAfter } from './status-stream-reader';
import { eventFromHistoryEntry, statusUpdateForSend } from '../status-rules';
import { echoFacts, statusUpdateForEcho } from '../echo-rules';
import {
  type EpochMillis,
  decodePageCursor,
  encodePageCursor,
  type PagePosition,
  DEFAULT_RETENTION_MS,
  type RedisConnection,
  parseStreamCursor,
  type StreamCursor,
  customerKeyOf,
  defineScripts,
  type ScriptCommands,
  TurnBatcher,
} from '../../store-kit';

/**
 * The store's scripts by command name (ioredis loads a script on first use and after a NOSCRIPT). The
 * same script under two names (one SHA, loaded once): see `APPLY_AT_ONCE_COMMAND`.
 */
const MESSAGE_SCRIPTS = {
  [APPLY_COMMAND]: APPLY_SCRIPT,
  [APPLY_AT_ONCE_COMMAND]: APPLY_SCRIPT,
  [LIST_MESSAGES_COMMAND]: LIST_MESSAGES_SCRIPT,
  [INBOUND_MAX_COMMAND]: INBOUND_MAX_SCRIPT,
};

/** One status or send for the apply script, with the partition it belongs to. */
interface PartitionedItem extends ApplyItem {
  partition: number;
}

/** An item's reply as the store hands it on: an item that failed is its error. */
type ItemReply = Exclude<ApplyItemReply, { kind: 'failed' }> | Error;

/** The most items one apply run takes: a run holds Redis for its whole length (about 30 µs an item). */
const MAX_ITEMS_PER_RUN = 64;

/**
 * The production store: one JSON record per message, createdAt indexes in sorted sets, a bounded stream
 * of events and a pub/sub channel, every change made by one Lua script run. The connection is injected
 * (see `recommendedRedisOptions`) and never closed here: the composition root owns it.
 *
 * On Redis Cluster the keyspace is split into partitions by wamid (`message-layout.ts`): a write
 * touches one partition; reads that span messages ask every partition at once and merge the answers
 * (`list` by createdAt, `readEventsAfter` by entry id). With one partition each method is one round trip.
 */
export class RedisMessageStore implements MessageStore {
  private readonly redis: RedisConnection & ScriptCommands<keyof typeof MESSAGE_SCRIPTS>;
  private readonly layout: RedisMessageLayout;
  /** How each partition's runs of the apply script keep its stream, channel and indexes. */
  private readonly applyPartitions: ApplyPartition[];
  private readonly scanLimit: number;
  private readonly retentionMs: number;
  private readonly logger: Logger;
  /**
   * The sends whose upstream answers arrive in one turn of the event loop are stored by one script run per
   * partition instead of one each: a command's dispatch and reply, in Redis and in the client (a command
   * object, a timer and a promise), cost about as much as storing a send. Webhooks do not wait for the
   * turn to end: a live event's latency starts with its webhook's write, and the end of a turn can come
   * after a slice of a fan-out. The batch runs after the I/O callbacks of its turn, so that answers read
   * together are stored together.
   */
  private readonly sendsInTurn: TurnBatcher<PartitionedItem, ItemReply>;

  constructor(connection: RedisConnection, options: RedisMessageStoreOptions) {
    this.layout = redisMessageLayout(options, connection.isCluster);
    this.scanLimit = positiveInteger('listScanLimit', options.listScanLimit ?? 5_000);
    this.retentionMs = positiveInteger('retentionMs', options.retentionMs ?? DEFAULT_RETENTION_MS);
    this.logger = options.logger;
    this.applyPartitions = applyPartitionsOf(this.layout, {
      streamMaxLength: positiveInteger('streamMaxLength', options.streamMaxLength ?? 100_000),
      streamTrim: options.streamTrim ?? StreamTrimMode.APPROXIMATE,
      retentionMs: this.retentionMs,
    });
    this.redis = defineScripts(connection, MESSAGE_SCRIPTS);
    this.sendsInTurn = new TurnBatcher((items) => this.applyItems(items, APPLY_AT_ONCE_COMMAND));
  }

  /** Partitions of the keyspace (1 on a single Redis). */
  get partitionCount(): number {
    return this.layout.partitions.length;
  }

  async recordSent(message: NewMessage, receivedAt: EpochMillis): Promise<RecordedSend> {
    const send = {
      phoneNumberId: message.phoneNumberId,
      recipient: message.recipient,
      waId: message.waId,
      recipientUserId: message.recipientUserId,
      type: message.type,
      createdAt: message.createdAt,
    };
    const update = statusUpdateForSend(message);
    const reply = await this.sendsInTurn.add(
      this.applyItem(update, receivedAt, send, this.inboundKeyBesideRecord(message)),
    );
    if (reply instanceof Error) throw reply;
    if (reply.kind === 'applied' && reply.record !== undefined) {
      const { event, record, customerLastInboundAt } = reply;
      return {
        // Decoded when asked for: the sender needs only the record.
        get event() {
          return decodeStatusEvent(event);
        },
        record: decodeMessageRecord(record),
        ...(customerLastInboundAt !== undefined && { customerLastInboundAt }),
      };
    }
    // The same send stored twice (rare): answer with the event it produced the first time.
    const [record] = await this.getMany([message.id]);
    const entry = record?.statusHistory.find(
      (h) => h.status === update.status && h.timestamp === update.timestamp,
    );
    if (record === null || record === undefined || entry === undefined) {
      throw new Error(`Message ${message.id} was reported stored but cannot be read back.`);
    }
    return { event: eventFromHistoryEntry(record, entry), record };
  }

  async applyStatuses(updates: readonly StatusUpdate[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    if (updates.length === 0) return [];
    // The whole webhook in one script run per partition. Any failure rejects it: it is answered 5xx and
    // Meta retries it; the statuses that did get stored are then dropped as duplicates, so the retry is safe.
    const replies = await this.applyItems(
      updates.map((update) => this.applyItem(update, receivedAt)),
      APPLY_COMMAND,
    );
    return outcomesOf(replies);
  }

  async recordEchoes(echoes: readonly NewEcho[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    if (echoes.length === 0) return [];
    // The apply script takes an echo as a send whose facts carry an origin: one run per partition.
    const replies = await this.applyItems(
      echoes.map((echo) =>
        this.applyItem(statusUpdateForEcho(echo), receivedAt, echoFacts(echo, receivedAt)),
      ),
      APPLY_COMMAND,
    );
    return outcomesOf(replies);
  }

  async getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>> {
    if (ids.length === 0) return [];
    // One MGET per partition (its keys share a slot), all sent at once.
    const records = new Array<MessageRecord | null>(ids.length).fill(null);
    await Promise.all(
      [...this.groupByPartition(ids).entries()].map(async ([partition, indexes]) => {
        const keys = this.keysAt(partition);
        const raws = await this.redis.mget(indexes.map((index) => keys.record(ids[index] as string)));
        raws.forEach((raw, i) => {
          if (raw !== null) records[indexes[i] as number] = decodeMessageRecord(raw);
        });
      }),
    );
    return records;
  }

  async list(filter: MessageFilter, first: number, after: string | null): Promise<MessagePage> {
    const position = after === null ? null : decodePageCursor(after);
    if (first < 1) return { records: [], endCursor: null, hasNextPage: false };
    const pages = await Promise.all(
      this.layout.partitions.map((keys) => this.listPartition(keys, filter, Math.floor(first), position)),
    );
    const merged =
      pages.length === 1 ? (pages[0] as PartitionPage) : mergeListPages(pages, Math.floor(first));
    return {
      records: merged.records,
      endCursor: merged.end === null ? null : encodePageCursor(merged.end),
      hasNextPage: merged.end !== null,
    };
  }

  async recordInbound(waId: string, phoneNumberId: string, timestamp: EpochMillis): Promise<void> {
    const reply = await this.redis[INBOUND_MAX_COMMAND](
      this.keysOf(waId).inbound(phoneNumberId, waId),
      ...encodeInboundMaxArgs({ inboundAt: timestamp, retentionMs: this.retentionMs }),
    );
    decodeInboundMaxReply(reply);
  }

  async lastInboundAt(waId: string, phoneNumberId: string): Promise<EpochMillis | null> {
    const value = await this.redis.get(this.keysOf(waId).inbound(phoneNumberId, waId));
    return value === null ? null : Number(value);
  }

  /**
   * Events after `cursor`, oldest first. A single entry id resumes every partition after that id; a cursor
   * from a partitioned live stream (one position per partition) resumes each exactly (`EventCursor`).
   */
  async readEventsAfter(cursor: string, limit: number): Promise<StatusChangeEvent[]> {
    return readStreamsAfter(
      this.redis,
      this.layout.partitions.map((keys) => keys.stream),
      cursor,
      limit,
      this.logger,
    );
  }

  /**
   * The last id each partition's stream handed out (`0-0` when none): where a live subscription that
   * starts now begins, so that cursors it hands out cover partitions it has not heard from yet.
   */
  async streamHeads(): Promise<StreamCursor[]> {
    return Promise.all(
      this.layout.partitions.map(async (keys) => {
        const info = await this.redis.xinfo('STREAM', keys.stream).catch((error: Error) => {
          if (/no such key/i.test(error.message)) return [];
          throw error;
        });
        const fields: unknown[] = Array.isArray(info) ? info : [];
        const at = fields.indexOf('last-generated-id');
        return parseStreamCursor(at === -1 ? '0-0' : String(fields[at + 1]));
      }),
    );
  }

  async ping(): Promise<void> {
    // Without this check a command would wait in the offline queue (when enabled) instead of failing.
    if (this.redis.status !== 'ready') throw new Error(`Redis connection is ${this.redis.status}.`);
    await this.redis.ping();
  }

  private async listPartition(
    keys: MessageKeys,
    filter: MessageFilter,
    first: number,
    position: PagePosition | null,
  ): Promise<PartitionPage> {
    const index =
      filter.recipient !== undefined
        ? keys.indexByRecipient(filter.recipient)
        : filter.phoneNumberId !== undefined
          ? keys.indexByPhoneNumber(filter.phoneNumberId)
          : keys.indexAll;
    const reply = await this.redis[LIST_MESSAGES_COMMAND](
      index,
      ...encodeListMessagesArgs({
        recordPrefix: keys.recordPrefix,
        maxCreatedAt: Math.min(filter.to ?? Infinity, position?.createdAt ?? Infinity),
        minCreatedAt: filter.from,
        after: position,
        first,
        statuses: filter.status ?? [],
        // The index of a recipient holds every number's messages to them.
        phoneNumberId: filter.recipient !== undefined ? filter.phoneNumberId : undefined,
        scanLimit: this.scanLimit,
      }),
    );
    const page = decodeListMessagesReply(reply);
    return { records: page.records.map(decodeMessageRecord), end: page.end };
  }

  /** The keys of partition `p`. */
  private keysAt(p: number): MessageKeys {
    return partitionEntry(this.layout.partitions, p);
  }

  private keysOf(id: string): MessageKeys {
    return this.keysAt(messagePartition(id, this.layout.partitions.length));
  }

  /** Indexes into `ids`, grouped by partition, in their order. */
  private groupByPartition(ids: readonly string[]): Map<number, number[]> {
    const count = this.layout.partitions.length;
    return indexesByPartition(ids.map((id) => messagePartition(id, count)));
  }

  /**
   * The key of the send's customer's latest inbound time, for the apply script to read with the send; none
   * when it lives in another partition than the message (Redis Cluster), which the script may not touch.
   */
  private inboundKeyBesideRecord(message: NewMessage): string | undefined {
    const customer = customerKeyOf(message);
    if (customer === undefined || this.layout.partitions.length > 1) return undefined;
    return this.keysOf(customer).inbound(message.phoneNumberId, customer);
  }

  /** `send`: the facts of a send or an echo (none for a status from a webhook). */
  private applyItem(
    update: StatusUpdate,
    receivedAt: EpochMillis,
    send?: SendFacts,
    inboundKey?: string,
  ): PartitionedItem {
    const partition = messagePartition(update.messageId, this.layout.partitions.length);
    const keys = this.keysAt(partition);
    return {
      partition,
      recordKey: keys.record(update.messageId),
      phoneNumberIndexKey: keys.indexByPhoneNumber(update.phoneNumberId),
      update,
      receivedAt,
      send,
      inboundKey,
    };
  }

  /**
   * The replies to `items`, in their order: one script run per partition and `MAX_ITEMS_PER_RUN` items,
   * all sent at once on one connection (so a message's items keep their order). The items of a run that
   * failed get its error: other runs may have succeeded.
   */
  private async applyItems(items: readonly PartitionedItem[], command: ApplyCommand): Promise<ItemReply[]> {
    const replies = new Array<ItemReply>(items.length);
    const runs: Array<Promise<void>> = [];
    for (const [partition, indexes] of indexesByPartition(items.map((item) => item.partition))) {
      for (let start = 0; start < indexes.length; start += MAX_ITEMS_PER_RUN) {
        const run = indexes.slice(start, start + MAX_ITEMS_PER_RUN);
        runs.push(
          this.applyInPartition(
            partition,
            run.map((index) => items[index] as PartitionedItem),
            command,
          ).then(
            (results) => run.forEach((index, i) => (replies[index] = results[i])),
            (error: unknown) => run.forEach((index) => (replies[index] = asError(error))),
          ),
        );
      }
    }
    await Promise.all(runs);
    return replies;
  }

  private async applyInPartition(
    partition: number,
    items: readonly ApplyItem[],
    command: ApplyCommand,
  ): Promise<ItemReply[]> {
    const target = partitionEntry(this.applyPartitions, partition);
    const keys = encodeApplyKeys(target, items);
    const reply = await this.redis[command](keys.length, ...keys, ...encodeApplyArgs(target, items));
    return decodeApplyReply(reply, items.length).map((itemReply) =>
      itemReply.kind === 'failed' ? new Error(`A status was not applied: ${itemReply.error}`) : itemReply,
    );
  }
}

/**
 * The outcome of each item. Any failed item rejects the whole webhook (answered 5xx, retried by Meta; the
 * statuses that were stored are then duplicates): its error is thrown before any event is decoded.
 */
function outcomesOf(replies: readonly ItemReply[]): ApplyOutcome[] {
  const failed = replies.find((reply) => reply instanceof Error);
  if (failed !== undefined) throw failed;
  return replies.map(outcomeOf);
}

function outcomeOf(reply: ItemReply): ApplyOutcome {
  if (reply instanceof Error) throw reply;
  if (reply.kind === 'duplicate') return { kind: 'duplicate' };
  return { kind: 'applied', event: decodeStatusEvent(reply.event) };
}

/** The entry of partition `p` of a per-partition list of the layout. */
function partitionEntry<T>(entries: readonly T[], p: number): T {
  const entry = entries[p];
  if (entry === undefined) throw new RangeError(`There is no partition ${p} of ${entries.length}.`);
  return entry;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Indexes into `partitions` (one per item), grouped by partition, in their order. */
function indexesByPartition(partitions: readonly number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  partitions.forEach((partition, index) => {
    const group = groups.get(partition);
    if (group === undefined) groups.set(partition, [index]);
    else group.push(index);
  });
  return groups;
}
