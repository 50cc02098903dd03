import { type ChainableCommander, type Redis } from 'ioredis';
import { type Logger } from '../observability';
import { createMessageKeys, type MessageKeys } from './keys';
import {
  type EpochMillis,
  type MessageRecord,
  type NewMessage,
  type StatusChangeEvent,
  type StatusUpdate,
} from './message-record';
import { decodeMessageRecord } from './message-record-codec';
import { type ApplyOutcome, type MessageFilter, type MessagePage, type MessageStore } from './message-store';
import { decodePageCursor, encodePageCursor } from './page-cursor';
import { APPLY_STATUS_LUA } from './redis-apply-script';
import { LIST_MESSAGES_LUA } from './redis-list-script';
import {
  positiveInteger,
  statusChannel,
  StreamTrimMode,
  type RedisMessageStoreOptions,
} from './redis-message-store-options';
import { decodeStatusEvent } from './status-event-codec';
import { readStreamAfter } from './redis-stream-reader';
import { eventFromHistoryEntry, statusUpdateForSend } from './status-rules';

type ScriptArg = string | number;

/** The commands `defineCommand` adds (ioredis loads the script on first use and after a NOSCRIPT). */
interface MessageScripts<R> {
  waMessageApply(...args: ScriptArg[]): R;
  waMessageList(...args: ScriptArg[]): R;
  waMessageInbound(...args: ScriptArg[]): R;
}
type ScriptedRedis = Redis & MessageScripts<Promise<unknown>>;
type ScriptedPipeline = ChainableCommander & MessageScripts<ChainableCommander>;

const INBOUND_MAX_LUA = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current or tonumber(current) < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1
`;

/**
 * The production store: one JSON record per message, createdAt indexes in sorted sets, a bounded stream
 * of events and a pub/sub channel, every change made by one Lua script run. The connection is injected
 * (see `recommendedRedisOptions`) and never closed here: the composition root owns it.
 */
export class RedisMessageStore implements MessageStore {
  private readonly redis: ScriptedRedis;
  private readonly keys: MessageKeys;
  private readonly channel: string;
  private readonly maxLength: number;
  private readonly trim: '~' | '=';
  private readonly scanLimit: number;
  private readonly logger: Logger;

  constructor(connection: Redis, options: RedisMessageStoreOptions) {
    this.keys = createMessageKeys(options.keyPrefix);
    this.channel = options.channel ?? statusChannel(options.keyPrefix);
    this.maxLength = positiveInteger('streamMaxLength', options.streamMaxLength ?? 100_000);
    this.trim = trimOperator(options.streamTrim ?? StreamTrimMode.APPROXIMATE);
    this.scanLimit = positiveInteger('listScanLimit', options.listScanLimit ?? 5_000);
    this.logger = options.logger;
    connection.defineCommand('waMessageApply', { numberOfKeys: 5, lua: APPLY_STATUS_LUA });
    connection.defineCommand('waMessageList', { numberOfKeys: 1, lua: LIST_MESSAGES_LUA, readOnly: true });
    connection.defineCommand('waMessageInbound', { numberOfKeys: 1, lua: INBOUND_MAX_LUA });
    this.redis = connection as ScriptedRedis;
  }

  async recordSent(message: NewMessage, receivedAt: EpochMillis): Promise<StatusChangeEvent> {
    const send = {
      phoneNumberId: message.phoneNumberId,
      recipient: message.recipient,
      waId: message.waId,
      type: message.type,
      createdAt: message.createdAt,
    };
    const update = statusUpdateForSend(message);
    const reply = await this.redis.waMessageApply(
      ...this.applyArgs(update, receivedAt, message.phoneNumberId, message.recipient, JSON.stringify(send)),
    );
    const outcome = this.toOutcome(reply);
    if (outcome.kind === 'applied') return outcome.event;
    // The same send stored twice (rare): answer with the event it produced the first time.
    const [record] = await this.getMany([message.id]);
    const entry = record?.statusHistory.find(
      (h) => h.status === update.status && h.timestamp === update.timestamp,
    );
    if (record === null || record === undefined || entry === undefined) {
      throw new Error(`Message ${message.id} was reported stored but cannot be read back.`);
    }
    return eventFromHistoryEntry(record, entry);
  }

  async applyStatuses(updates: readonly StatusUpdate[], receivedAt: EpochMillis): Promise<ApplyOutcome[]> {
    if (updates.length === 0) return [];
    const pipeline = this.redis.pipeline() as ScriptedPipeline;
    for (const update of updates) {
      pipeline.waMessageApply(
        ...this.applyArgs(update, receivedAt, update.phoneNumberId, `+${update.recipientId}`, ''),
      );
    }
    const results = (await pipeline.exec()) ?? [];
    // Any failure rejects the whole batch: the webhook is answered 5xx and Meta retries it; the statuses
    // that did get stored are then dropped as duplicates, so the retry is safe.
    const failed = results.find(([error]) => error !== null);
    if (failed !== undefined) throw failed[0];
    if (results.length !== updates.length) throw new Error('Redis answered a different number of replies.');
    return results.map(([, reply]) => this.toOutcome(reply));
  }

  async getMany(ids: readonly string[]): Promise<Array<MessageRecord | null>> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.record(id)));
    return raws.map((raw) => (raw === null ? null : decodeMessageRecord(raw)));
  }

  async list(filter: MessageFilter, first: number, after: string | null): Promise<MessagePage> {
    const position = after === null ? null : decodePageCursor(after);
    if (first < 1) return { records: [], endCursor: null, hasNextPage: false };
    const index =
      filter.recipient !== undefined
        ? this.keys.indexByRecipient(filter.recipient)
        : filter.phoneNumberId !== undefined
          ? this.keys.indexByPhoneNumber(filter.phoneNumberId)
          : this.keys.indexAll;
    const maxScore = Math.min(filter.to ?? Infinity, position?.createdAt ?? Infinity);
    const reply = (await this.redis.waMessageList(
      index,
      this.keys.recordPrefix,
      maxScore === Infinity ? '+inf' : maxScore,
      filter.from ?? '-inf',
      position?.createdAt ?? '',
      position?.id ?? '',
      Math.floor(first),
      (filter.status ?? []).join(','),
      filter.recipient !== undefined ? (filter.phoneNumberId ?? '') : '',
      this.scanLimit,
    )) as [number, string, string, ...string[]];
    const [hasNext, endScore, endId, ...raws] = reply;
    return {
      records: raws.map(decodeMessageRecord),
      endCursor: hasNext === 1 ? encodePageCursor({ createdAt: Number(endScore), id: endId }) : null,
      hasNextPage: hasNext === 1,
    };
  }

  async recordInbound(waId: string, phoneNumberId: string, timestamp: EpochMillis): Promise<void> {
    await this.redis.waMessageInbound(this.keys.inbound(phoneNumberId), waId, timestamp);
  }

  async lastInboundAt(waId: string, phoneNumberId: string): Promise<EpochMillis | null> {
    const value = await this.redis.hget(this.keys.inbound(phoneNumberId), waId);
    return value === null ? null : Number(value);
  }

  async readEventsAfter(cursor: string, limit: number): Promise<StatusChangeEvent[]> {
    return readStreamAfter(this.redis, this.keys.stream, cursor, limit, this.logger);
  }

  async ping(): Promise<void> {
    // Without this check a command would wait in the offline queue (when enabled) instead of failing.
    if (this.redis.status !== 'ready') throw new Error(`Redis connection is ${this.redis.status}.`);
    await this.redis.ping();
  }

  private applyArgs(
    update: StatusUpdate,
    receivedAt: EpochMillis,
    phoneNumberId: string,
    recipient: string,
    send: string,
  ): ScriptArg[] {
    return [
      this.keys.record(update.messageId),
      this.keys.stream,
      this.keys.indexAll,
      this.keys.indexByPhoneNumber(phoneNumberId),
      this.keys.indexByRecipient(recipient),
      JSON.stringify(update),
      receivedAt,
      this.maxLength,
      this.trim,
      this.channel,
      send,
      this.keys.indexByRecipientPrefix,
    ];
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
