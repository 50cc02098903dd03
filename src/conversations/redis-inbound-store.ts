import { type Cluster, type Redis } from 'ioredis';
import { type InboundMessageEvent, type InboundMessageRecord } from './inbound-message';
import { customerNamesOf, type InboundPosition, type InboundStore } from './inbound-store';
import { changeOf, type InboundChanges, withChanges } from './inbound-changes';
import { DEFAULT_RETENTION_MS, defineScripts, readEntriesAfter, type ScriptCommands } from '../store-kit';
import {
  decodeRecordInboundReply,
  encodeRecordInboundArgs,
  RECORD_INBOUND_COMMAND,
  RECORD_INBOUND_SCRIPT,
} from './redis-inbound-record-script';
import {
  decodeListInboundReply,
  encodeListInboundArgs,
  encodeListInboundKeys,
  LIST_INBOUND_COMMAND,
  LIST_INBOUND_SCRIPT,
} from './redis-inbound-list-script';

const INBOUND_SCRIPTS = {
  [RECORD_INBOUND_COMMAND]: RECORD_INBOUND_SCRIPT,
  [LIST_INBOUND_COMMAND]: LIST_INBOUND_SCRIPT,
};

export interface RedisInboundStoreOptions {
  keyPrefix: string;
  /** Inbound events kept for replay (approximately). Default 100,000. */
  maxLength?: number;
  /** How long a message is kept after it was stored, in ms (`MESSAGE_RETENTION_DAYS`). Default 30 days. */
  retentionMs?: number;
}

/** Inbound messages in Redis, `{i}`-tagged; the connection is the composition root's. */
export class RedisInboundStore implements InboundStore {
  private readonly redis: (Redis | Cluster) & ScriptCommands<keyof typeof INBOUND_SCRIPTS>;
  private readonly prefix: string;
  readonly stream: string;
  readonly channel: string;
  private readonly maxLength: number;
  private readonly retentionMs: number;

  constructor(connection: Redis | Cluster, options: RedisInboundStoreOptions) {
    this.redis = defineScripts(connection, INBOUND_SCRIPTS);
    this.prefix = `${options.keyPrefix}{i}:`;
    this.stream = `${this.prefix}inbound-events`;
    this.channel = `${this.prefix}inbound-published`;
    this.maxLength = options.maxLength ?? 100_000;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  async record(messages: readonly InboundMessageRecord[]): Promise<InboundMessageEvent[]> {
    if (messages.length === 0) return [];
    const reply = await this.redis[RECORD_INBOUND_COMMAND](
      this.stream,
      ...encodeRecordInboundArgs({
        keyPrefix: this.prefix,
        streamMaxLength: this.maxLength,
        channel: this.channel,
        publishCommand: this.redis.isCluster ? 'SPUBLISH' : 'PUBLISH',
        retentionMs: this.retentionMs,
        messages: messages.map((message) => ({
          message,
          customerNames: customerNamesOf(message),
          change: changeOf(message),
        })),
      }),
    );
    return decodeRecordInboundReply(reply).map(({ cursor, message, edit, revoke }) => ({
      cursor,
      message: decodeView(message, edit, revoke),
    }));
  }

  async readEventsAfter(cursor: string, limit: number): Promise<InboundMessageEvent[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const field = (name: string): string | undefined => {
        // Field names and values alternate: only an even index is a name.
        for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
        return undefined;
      };
      const message = field('m');
      return message === undefined
        ? []
        : [{ cursor: id, message: decodeView(message, field('e') ?? '', field('r') ?? '') }];
    });
  }

  async getMany(ids: readonly string[]): Promise<Array<InboundMessageRecord | null>> {
    if (ids.length === 0) return [];
    // One round trip: each message, its latest edit and its revocation.
    const raws = await this.redis.mget(
      ids.flatMap((id) => [
        `${this.prefix}in:${id}`,
        `${this.prefix}in-edit:${id}`,
        `${this.prefix}in-revoke:${id}`,
      ]),
    );
    return ids.map((_, i) => {
      const raw = raws[i * 3];
      return raw === null || raw === undefined
        ? null
        : decodeView(raw, raws[i * 3 + 1] ?? '', raws[i * 3 + 2] ?? '');
    });
  }

  async listFrom(
    customers: readonly string[],
    limit: number,
    position: InboundPosition | null,
  ): Promise<InboundMessageRecord[]> {
    if (customers.length === 0 || limit < 1) return [];
    const keys = encodeListInboundKeys({ keyPrefix: this.prefix, customers });
    const reply = await this.redis[LIST_INBOUND_COMMAND](
      keys.length,
      ...keys,
      ...encodeListInboundArgs({ keyPrefix: this.prefix, position, limit }),
    );
    return decodeListInboundReply(reply).map(({ message, edit, revoke }) =>
      decodeView(message, edit, revoke),
    );
  }
}

/**
 * A published inbound event (`{cursor, message, edit?, revoke?}`), or null for one this gateway cannot
 * read.
 */
export function decodePublishedInbound(raw: string): InboundMessageEvent | null {
  try {
    const parsed = JSON.parse(raw) as {
      cursor?: unknown;
      message?: unknown;
      edit?: unknown;
      revoke?: unknown;
    };
    if (typeof parsed.cursor !== 'string' || !isObject(parsed.message)) return null;
    const changes: InboundChanges = {};
    if (isObject(parsed.edit)) changes.edit = decodeInbound(JSON.stringify(parsed.edit));
    if (isObject(parsed.revoke)) changes.revoke = decodeInbound(JSON.stringify(parsed.revoke));
    return {
      cursor: parsed.cursor,
      message: withChanges(decodeInbound(JSON.stringify(parsed.message)), changes),
    };
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A stored message with its latest edit and its revocation as stored beside it ('' for none). */
function decodeView(message: string, edit: string, revoke: string): InboundMessageRecord {
  const changes: InboundChanges = {};
  if (edit !== '') changes.edit = decodeInbound(edit);
  if (revoke !== '') changes.revoke = decodeInbound(revoke);
  return withChanges(decodeInbound(message), changes);
}

/** The gateway wrote the record; cjson turns an empty list into `{}`, which is read back as `[]`. */
export function decodeInbound(raw: string): InboundMessageRecord {
  const message = JSON.parse(raw) as InboundMessageRecord;
  if (!Array.isArray(message.errors)) message.errors = [];
  return message;
}
