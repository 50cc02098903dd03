import { type Cluster, type Redis } from 'ioredis';
import {
  type CallEventRecord,
  type CallPosition,
  type CallStore,
  customerNamesOfCall,
  type NewCallEvent,
} from './call-event';
import { DEFAULT_RETENTION_MS, defineScripts, readEntriesAfter, type ScriptCommands } from '../store-kit';
import {
  decodeRecordCallsReply,
  encodeRecordCallsArgs,
  RECORD_CALLS_COMMAND,
  RECORD_CALLS_SCRIPT,
} from './redis-call-record-script';
import {
  decodeListCallsReply,
  encodeListCallsArgs,
  encodeListCallsKeys,
  LIST_CALLS_COMMAND,
  LIST_CALLS_SCRIPT,
} from './redis-call-list-script';

const CALL_SCRIPTS = {
  [RECORD_CALLS_COMMAND]: RECORD_CALLS_SCRIPT,
  [LIST_CALLS_COMMAND]: LIST_CALLS_SCRIPT,
};

export interface RedisCallStoreOptions {
  keyPrefix: string;
  /** Call events kept for replay (approximately). Default 100,000. */
  maxLength?: number;
  /** How long an event is kept after it was stored, in ms (`MESSAGE_RETENTION_DAYS`). Default 30 days. */
  retentionMs?: number;
}

/** Call events in Redis, `{calls}`-tagged; the connection is the composition root's. */
export class RedisCallStore implements CallStore {
  private readonly redis: (Redis | Cluster) & ScriptCommands<keyof typeof CALL_SCRIPTS>;
  private readonly prefix: string;
  readonly stream: string;
  readonly channel: string;
  private readonly maxLength: number;
  private readonly retentionMs: number;

  constructor(connection: Redis | Cluster, options: RedisCallStoreOptions) {
    this.redis = defineScripts(connection, CALL_SCRIPTS);
    this.prefix = `${options.keyPrefix}{calls}:`;
    this.stream = `${this.prefix}call-events`;
    this.channel = `${this.prefix}call-event-published`;
    this.maxLength = options.maxLength ?? 100_000;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  async record(events: readonly NewCallEvent[]): Promise<CallEventRecord[]> {
    if (events.length === 0) return [];
    const reply = await this.redis[RECORD_CALLS_COMMAND](
      this.stream,
      ...encodeRecordCallsArgs({
        keyPrefix: this.prefix,
        streamMaxLength: this.maxLength,
        channel: this.channel,
        publishCommand: this.redis.isCluster ? 'SPUBLISH' : 'PUBLISH',
        retentionMs: this.retentionMs,
        events: events.map((event) => ({ event, customerNames: customerNamesOfCall(event) })),
      }),
    );
    const cursors = decodeRecordCallsReply(reply, events.length);
    const stored: CallEventRecord[] = [];
    events.forEach((event, i) => {
      const cursor = cursors[i];
      if (cursor !== null) stored.push({ ...event, cursor });
    });
    return stored;
  }

  async readEventsAfter(cursor: string, limit: number): Promise<CallEventRecord[]> {
    const entries = await readEntriesAfter(this.redis, this.stream, cursor, limit);
    return entries.flatMap(([id, fields]) => {
      const at = fields.indexOf('e');
      const event =
        at === -1 ? null : decodePublishedCallEvent(`{"cursor":"${id}",${(fields[at + 1] ?? '{}').slice(1)}`);
      return event === null ? [] : [event];
    });
  }

  async listFor(
    customers: readonly string[],
    limit: number,
    position: CallPosition | null,
  ): Promise<CallEventRecord[]> {
    if (customers.length === 0 || limit < 1) return [];
    const keys = encodeListCallsKeys({ keyPrefix: this.prefix, customers });
    const reply = await this.redis[LIST_CALLS_COMMAND](
      keys.length,
      ...keys,
      ...encodeListCallsArgs({ keyPrefix: this.prefix, position, limit }),
    );
    return decodeListCallsReply(reply).flatMap((raw) => {
      const event = decodePublishedCallEvent(raw);
      return event === null ? [] : [event];
    });
  }
}

/** A published or stored call event (the record with its cursor), or null for one this gateway cannot read. */
export function decodePublishedCallEvent(raw: string): CallEventRecord | null {
  try {
    const parsed = JSON.parse(raw) as CallEventRecord;
    return typeof parsed.cursor === 'string' && typeof parsed.callId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
