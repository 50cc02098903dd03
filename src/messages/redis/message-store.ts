import DataLoader from 'dataloader';
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
import { APPLY_AT_ONCE_COMMAND, APPLY_COMMAND, APPLY_STATUS_LUA, type ApplyCommand } from './apply-script';
import { LIST_MESSAGES_LUA } from './list-script';
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
} from '../../store-kit';

type ScriptArg = string | number;

/** The commands `defineCommand` adds (ioredis loads the script on first use and after a NOSCRIPT). */
interface MessageScripts<R> {
  /** Takes the number of keys first: a run applies as many items as it is given. */
  [APPLY_COMMAND](...args: ScriptArg[]): R;
  [APPLY_AT_ONCE_COMMAND](...args: ScriptArg[]): R;
  waMessageList(...args: ScriptArg[]): R;
  waMessageInbound(...args: ScriptArg[]): R;
}
type ScriptedRedis = RedisConnection & MessageScripts<Promise<unknown>>;

/** One status or send for the apply script, with the partition it belongs to. */
interface ApplyItem {
  partition: number;
  /** The record and its by-phone-number index. */
  keys: [string, string];
  /** Update JSON, receivedAt, send facts JSON or '', inbound-time key or ''. */
  args: [string, EpochMillis, string, string];
}

/** The most items one apply run takes: a run holds Redis for its whole length (about 30 µs an item). */
const MAX_ITEMS_PER_RUN = 64;

/**
 * Raises a customer's latest inbound time; the key expires `retention` after its last raise.
 * KEYS: 1 the key. ARGV: 1 the inbound time, 2 retention in ms.
 */
const INBOUND_MAX_LUA = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

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
  private readonly redis: ScriptedRedis;
  private readonly layout: RedisMessageLayout;
  private readonly publishCommand: 'PUBLISH' | 'SPUBLISH';
  private readonly maxLength: number;
  private readonly trim: '~' | '=';
  private readonly scanLimit: number;
  private readonly retentionMs: number;
  private readonly logger: Logger;
  /**
   * The sends whose upstream answers arrive in one turn of the event loop are stored by one script run per
   * partition instead of one each: a command's dispatch and reply, in Redis and in the client (a command
   * object, a timer and a promise), cost about as much as storing a send. Webhooks do not wait for the
   * turn to end: a live event's latency starts with its webhook's write, and the end of a turn can come
   * after a slice of a fan-out.
   */
  private readonly sendsInTurn: DataLoader<ApplyItem, unknown>;

  constructor(connection: RedisConnection, options: RedisMessageStoreOptions) {
    this.layout = redisMessageLayout(options, connection.isCluster);
    this.publishCommand = this.layout.sharded ? 'SPUBLISH' : 'PUBLISH';
    this.maxLength = positiveInteger('streamMaxLength', options.streamMaxLength ?? 100_000);
    this.trim = trimOperator(options.streamTrim ?? StreamTrimMode.APPROXIMATE);
    this.scanLimit = positiveInteger('listScanLimit', options.listScanLimit ?? 5_000);
    this.retentionMs = positiveInteger('retentionMs', options.retentionMs ?? DEFAULT_RETENTION_MS);
    this.logger = options.logger;
    // The same script under two names (one SHA, loaded once): see `APPLY_AT_ONCE_COMMAND`.
    connection.defineCommand(APPLY_COMMAND, { lua: APPLY_STATUS_LUA });
    connection.defineCommand(APPLY_AT_ONCE_COMMAND, { lua: APPLY_STATUS_LUA });
    connection.defineCommand('waMessageList', { numberOfKeys: 1, lua: LIST_MESSAGES_LUA, readOnly: true });
    connection.defineCommand('waMessageInbound', { numberOfKeys: 1, lua: INBOUND_MAX_LUA });
    this.redis = connection as ScriptedRedis;
    this.sendsInTurn = new DataLoader((items) => this.applyItems(items, APPLY_AT_ONCE_COMMAND), {
      cache: false,
      // After the I/O callbacks of this turn, so that answers read together are stored together.
      batchScheduleFn: (run) => setImmediate(run),
      maxBatchSize: MAX_ITEMS_PER_RUN,
    });
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
    const reply = (await this.sendsInTurn.load(
      this.applyItem(update, receivedAt, JSON.stringify(send), this.inboundKeyBesideRecord(message)),
    )) as [number, string, string?, string?];
    if (reply[0] === 1 && reply[2] !== undefined) {
      const [, event, record, lastInbound] = reply;
      return {
        // Decoded when asked for: the sender needs only the record.
        get event() {
          return decodeStatusEvent(event);
        },
        record: decodeMessageRecord(record),
        ...(lastInbound !== undefined && {
          customerLastInboundAt: lastInbound === '' ? null : Number(lastInbound),
        }),
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
      updates.map((update) => this.applyItem(update, receivedAt, '')),
      APPLY_COMMAND,
    );
    const failed = replies.find((reply) => reply instanceof Error);
    if (failed !== undefined) throw failed;
    return replies.map((reply) => this.toOutcome(reply));
  }

  async recordEchoes(echoes: readonly NewEcho[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    if (echoes.length === 0) return [];
    // The apply script takes an echo as a send whose facts carry an origin: one run per partition.
    const replies = await this.applyItems(
      echoes.map((echo) =>
        this.applyItem(statusUpdateForEcho(echo), receivedAt, JSON.stringify(echoFacts(echo, receivedAt))),
      ),
      APPLY_COMMAND,
    );
    const failed = replies.find((reply) => reply instanceof Error);
    if (failed !== undefined) throw failed;
    return replies.map((reply) => this.toOutcome(reply));
  }

  async getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>> {
    if (ids.length === 0) return [];
    // One MGET per partition (its keys share a slot), all sent at once.
    const records = new Array<MessageRecord | null>(ids.length).fill(null);
    await Promise.all(
      [...this.groupByPartition(ids).entries()].map(async ([partition, indexes]) => {
        const keys = this.layout.partitions[partition] as MessageKeys;
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
    await this.redis.waMessageInbound(
      this.keysOf(waId).inbound(phoneNumberId, waId),
      timestamp,
      this.retentionMs,
    );
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
        const info = (await this.redis.xinfo('STREAM', keys.stream).catch((error: Error) => {
          if (/no such key/i.test(error.message)) return [];
          throw error;
        })) as unknown[];
        const at = info.indexOf('last-generated-id');
        return parseStreamCursor(at === -1 ? '0-0' : String(info[at + 1]));
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
    const maxScore = Math.min(filter.to ?? Infinity, position?.createdAt ?? Infinity);
    const reply = (await this.redis.waMessageList(
      index,
      keys.recordPrefix,
      maxScore === Infinity ? '+inf' : maxScore,
      filter.from ?? '-inf',
      position?.createdAt ?? '',
      position?.id ?? '',
      first,
      (filter.status ?? []).join(','),
      filter.recipient !== undefined ? (filter.phoneNumberId ?? '') : '',
      this.scanLimit,
    )) as [number, string, string, ...string[]];
    const [hasNext, endScore, endId, ...raws] = reply;
    return {
      records: raws.map(decodeMessageRecord),
      end: hasNext === 1 ? { createdAt: Number(endScore), id: endId } : null,
    };
  }

  private keysOf(id: string): MessageKeys {
    return this.layout.partitions[messagePartition(id, this.layout.partitions.length)] as MessageKeys;
  }

  /** Indexes into `ids`, grouped by partition, in their order. */
  private groupByPartition(ids: readonly string[]): Map<number, number[]> {
    const count = this.layout.partitions.length;
    return indexesByPartition(ids.map((id) => messagePartition(id, count)));
  }

  /**
   * The key of the send's customer's latest inbound time, for the apply script to read with the send; ''
   * when it lives in another partition than the message (Redis Cluster), which the script may not touch.
   */
  private inboundKeyBesideRecord(message: NewMessage): string {
    const customer = customerKeyOf(message);
    if (customer === undefined || this.layout.partitions.length > 1) return '';
    return this.keysOf(customer).inbound(message.phoneNumberId, customer);
  }

  private applyItem(update: StatusUpdate, receivedAt: EpochMillis, send: string, inboundKey = ''): ApplyItem {
    const partition = messagePartition(update.messageId, this.layout.partitions.length);
    const keys = this.layout.partitions[partition] as MessageKeys;
    return {
      partition,
      keys: [keys.record(update.messageId), keys.indexByPhoneNumber(update.phoneNumberId)],
      args: [JSON.stringify(update), receivedAt, send, inboundKey],
    };
  }

  /**
   * The replies to `items`, in their order: one script run per partition and `MAX_ITEMS_PER_RUN` items,
   * all sent at once on one connection (so a message's items keep their order). The items of a run that
   * failed get its error: other runs may have succeeded.
   */
  private async applyItems(items: readonly ApplyItem[], command: ApplyCommand): Promise<unknown[]> {
    const replies = new Array<unknown>(items.length);
    const runs: Array<Promise<void>> = [];
    for (const [partition, indexes] of indexesByPartition(items.map((item) => item.partition))) {
      for (let start = 0; start < indexes.length; start += MAX_ITEMS_PER_RUN) {
        const run = indexes.slice(start, start + MAX_ITEMS_PER_RUN);
        runs.push(
          this.applyInPartition(
            partition,
            run.map((index) => items[index] as ApplyItem),
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
  ): Promise<unknown[]> {
    const keys = this.layout.partitions[partition] as MessageKeys;
    const keyArgs: string[] = [keys.stream, keys.indexAll];
    const itemArgs: ScriptArg[] = [];
    for (const item of items) {
      keyArgs.push(...item.keys);
      itemArgs.push(...item.args);
    }
    const replies = (await this.redis[command](
      keyArgs.length,
      ...keyArgs,
      items.length,
      this.maxLength,
      this.trim,
      this.layout.channels[partition] as string,
      keys.indexByRecipientPrefix,
      this.publishCommand,
      this.layout.partitions.length,
      partition,
      this.retentionMs,
      ...itemArgs,
    )) as unknown[];
    if (replies.length !== items.length) throw new Error('Redis answered a different number of replies.');
    return replies.map((reply) =>
      Array.isArray(reply) && reply[0] === -1
        ? new Error(`A status was not applied: ${String(reply[1])}`)
        : reply,
    );
  }

  private toOutcome(reply: unknown): ApplyOutcome {
    const [applied, payload] = reply as [number, string];
    if (applied !== 1) return { kind: 'duplicate' };
    return { kind: 'applied', event: decodeStatusEvent(payload) };
  }
}

function trimOperator(mode: StreamTrimMode): '~' | '=' {
  switch (mode) {
    case StreamTrimMode.APPROXIMATE:
      return '~';
    case StreamTrimMode.EXACT:
      return '=';
    default: {
      const unknown: never = mode;
      throw new Error(`Unknown stream trim mode: ${String(unknown)}`);
    }
  }
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
