import { EARLIEST_PLAUSIBLE_TIMESTAMP_MS, FUTURE_TIMESTAMP_TOLERANCE_MS } from '../status-rules';
import { luaStatusRanks } from './lua-status-ranks';
import { type EchoFacts, ECHO_ONLY_FIELDS } from '../echo-rules';
import { type MessageRecord, type StatusUpdate } from '../message-record';
import { type RedisMessageLayout } from './message-layout';
import { StreamTrimMode } from './message-store-options';
import {
  describeReply,
  type EpochMillis,
  type LuaScript,
  MalformedScriptReplyError,
  replyArray,
  type ScriptArg,
} from '../../store-kit';

/**
 * The names the store gives the apply script (ioredis `defineCommand`): webhooks' runs go through the
 * command connection's auto-pipeline, so that the webhooks of a turn leave in one write; the end-of-turn
 * run of sends is written at once (see `recommendedCommandConnectionOptions`).
 */
export const APPLY_COMMAND = 'waMessageApply';
export const APPLY_AT_ONCE_COMMAND = 'waMessageApplyAtOnce';
export type ApplyCommand = typeof APPLY_COMMAND | typeof APPLY_AT_ONCE_COMMAND;

/**
 * Applies statuses (or sends) to messages of one partition, each atomically: dedupe against the history, effective status
 * by the rules of `status-rules.ts` (mirrored here: Lua cannot import them, and the contract suite runs
 * the same sequences against both), history append in Meta-timestamp order, indexes for a new record,
 * XADD to the bounded stream (its id is the cursor), PUBLISH of the encoded event with the record.
 *
 * One run applies a batch of items in order (a webhook's statuses, or the sends of one turn of the event
 * loop): a command's dispatch and reply, in Redis and in the client, cost as much as a small item.
 * KEYS and ARGV: `encodeApplyKeys` and `encodeApplyArgs` (the run's first, then each item's); the script
 * reads them into named locals at its top. The by-customer indexes are named from the customer index
 * prefix and the record's number and BSUID: they carry the partition's hash tag, so share its slot.
 * Retention: the record expires `retention` after its last write (PEXPIRE, Redis's own clock). Every index
 * it is in gets the same TTL (so no index expires before a record it holds) and drops the ids created more
 * than `retention` before the index's newest id or this write's receivedAt, whichever is earlier (so that
 * a backfill of old statuses is not dropped as it is written); an id whose record expired in between is
 * skipped by the list script until then. An index is trimmed and renewed once per run, at its end, from the
 * earliest horizon its items gave: the sends of a turn share the index of all messages and of their number
 * (and often of their recipient), and each send trimmed and renewed them all again. Trimming at the earliest
 * horizon keeps at least what trimming after each item would.
 * With one partition the entry id is Redis's own (`*`). With several, the script picks the id Redis would
 * (the node's time, never going back) but with a sequence number ≡ partition (mod count): ids are then
 * unique across partitions, so one id can stand for a position in all of them (see `EventCursor`).
 * Returns one reply per item (`decodeApplyReply`): `{1, event JSON with cursor}` when applied (a send:
 * `{1, event, record JSON[, inbound time or '']}`), `{0, cursor of the stored duplicate}` for a duplicate,
 * `{-1, error}` for an item that failed.
 * An echo (a message sent from the WhatsApp Business app) is a send whose facts carry an `origin`
 * (`echo-rules.ts`): it also sets the echo's own fields, and is a duplicate when its message is stored with
 * facts of its own already.
 */
export const APPLY_STATUS_LUA = `
local RANK = ${luaStatusRanks()}
local ECHO_ONLY_FIELDS = {${ECHO_ONLY_FIELDS.map((field) => `'${field}'`).join(', ')}}
local function nextEffective(cur, conflict, s)
  if cur == nil then return s, false end
  if s == 'DELETED' or s == 'WARNING' then return cur, conflict end
  local curRank = RANK[cur]
  if s == 'FAILED' then
    if cur == 'FAILED' then return cur, conflict end
    if curRank ~= nil and curRank >= 2 then return cur, true end
    return 'FAILED', conflict
  end
  local rank = RANK[s]
  if cur == 'FAILED' then
    if rank >= 2 then return s, true end
    return cur, conflict
  end
  if curRank == nil or rank > curRank then return s, conflict end
  return cur, conflict
end

-- The run's KEYS and ARGV (encodeApplyKeys, encodeApplyArgs); each item's follow them.
local streamKey, indexAllKey = KEYS[1], KEYS[2]
local itemCount = tonumber(ARGV[1])
local maxLength, trimMode, channel, customerIndexPrefix, publishCommand = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local partitionCount, partition = tonumber(ARGV[7]), tonumber(ARGV[8])
local retentionArg, retention = ARGV[9], tonumber(ARGV[9])

-- The indexes this run wrote to, in order, with the earliest horizon each was given (false: renew only).
local touched, horizons = {}, {}
local function renewIndex(key, horizon)
  local known = horizons[key]
  if known == nil then
    touched[#touched + 1] = key
    horizons[key] = horizon
  elseif horizon and (known == false or horizon < known) then
    horizons[key] = horizon
  end
end

-- One item: its keys and ARGV, beside the run's read above.
local function apply(recordKey, phoneIndexKey, updateJson, receivedAtArg, sendJson, inboundKey)
  local u = cjson.decode(updateJson)
  local receivedAt = tonumber(receivedAtArg)
  -- added: the score just added to the index, if any. One at or after receivedAt (a send) shows that the
  -- newest score is not earlier than receivedAt, which is then the horizon without asking.
  local function trimIndex(key, added)
    local horizon = receivedAt
    if added == nil or added < receivedAt then
      local newest = redis.call('ZREVRANGE', key, 0, 0, 'WITHSCORES')[2]
      if newest and tonumber(newest) < horizon then horizon = tonumber(newest) end
    end
    renewIndex(key, horizon)
  end
  local raw = redis.call('GET', recordKey)
  local rec
  local previous = cjson.null
  local status, conflict
  if raw then
    rec = cjson.decode(raw)
    -- isEchoOfStoredMessage (echo-rules.ts): an echo of a message stored with facts of its own changes nothing.
    if sendJson ~= '' and cjson.decode(sendJson).origin and (rec.origin or rec.type ~= 'unknown') then
      return {0, rec.statusHistory[1] and rec.statusHistory[1].cursor or ''}
    end
    for _, h in ipairs(rec.statusHistory) do
      if h.status == u.status and h.timestamp == u.timestamp then return {0, h.cursor} end
    end
    previous = rec.status
    status, conflict = nextEffective(rec.status, rec.conflict == true, u.status)
  else
    -- isPlausibleTimestamp (status-rules.ts): an impossible time is kept in the history, never as createdAt.
    local createdAt = u.timestamp
    if createdAt < ${EARLIEST_PLAUSIBLE_TIMESTAMP_MS} or createdAt > receivedAt + ${FUTURE_TIMESTAMP_TOLERANCE_MS} then
      createdAt = receivedAt
    end
    rec = {id = u.messageId, phoneNumberId = u.phoneNumberId, type = 'unknown', createdAt = createdAt,
      statusHistory = {}, errors = {}}
    status, conflict = nextEffective(nil, false, u.status)
  end
  local oldRecipient = rec.recipient
  -- Who the message went to, as far as this status tells and the record does not know yet (status-rules.ts).
  local learned = false
  local isGroup = u.recipientType == 'group' or rec.recipientType == 'group'
  if u.recipientType and not rec.recipientType then rec.recipientType = u.recipientType end
  if u.recipientId then
    if isGroup then
      if not rec.groupId then rec.groupId = u.recipientId end
    elseif not rec.waId then
      rec.waId = u.recipientId
      rec.recipient = '+' .. u.recipientId
      learned = true
    end
  end
  if u.recipientUserId and not rec.recipientUserId then
    rec.recipientUserId = u.recipientUserId
    learned = true
  end
  if u.recipientParentUserId and not rec.recipientParentUserId then
    rec.recipientParentUserId = u.recipientParentUserId
  end
  -- A status that names a group's participant replaces the one kept, whole (keepParticipantOf).
  if u.recipientParticipantId or u.recipientParticipantUserId or u.recipientParticipantParentUserId then
    rec.recipientParticipantId = u.recipientParticipantId
    rec.recipientParticipantUserId = u.recipientParticipantUserId
    rec.recipientParticipantParentUserId = u.recipientParticipantParentUserId
  end
  local isSend = sendJson ~= ''
  if isSend then
    local send = cjson.decode(sendJson)
    rec.phoneNumberId = send.phoneNumberId
    if send.recipient then rec.recipient = send.recipient end
    if send.waId then rec.waId = send.waId end
    if send.recipientUserId then rec.recipientUserId = send.recipientUserId end
    rec.type = send.type
    rec.createdAt = send.createdAt
    for _, field in ipairs(ECHO_ONLY_FIELDS) do
      if send[field] ~= nil then rec[field] = send[field] end
    end
  end

  local event = cjson.encode({v = 1, messageId = rec.id, phoneNumberId = rec.phoneNumberId,
    recipient = rec.recipient, recipientUserId = rec.recipientUserId, status = u.status, previousStatus = previous, effectiveStatus = status,
    timestamp = u.timestamp, receivedAt = receivedAt, errors = u.errors})
  local id = '*'
  if partitionCount > 1 then
    local now = redis.call('TIME')
    local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
    local lastMs, lastSeq = 0, -1
    local info = redis.pcall('XINFO', 'STREAM', streamKey)
    if type(info) == 'table' and info.err == nil then
      for i = 1, #info, 2 do
        if info[i] == 'last-generated-id' then
          local a, b = string.match(info[i + 1], '^(%d+)-(%d+)$')
          lastMs, lastSeq = tonumber(a), tonumber(b)
        end
      end
    end
    if ms > lastMs then
      id = string.format('%d-%d', ms, partition)
    else
      local seq = lastSeq + 1
      id = string.format('%d-%d', lastMs, seq + ((partition - seq) % partitionCount))
    end
  end
  local cursor = redis.call('XADD', streamKey, 'MAXLEN', trimMode, maxLength, id, 'e', event)

  local history = rec.statusHistory
  local at = #history + 1
  while at > 1 and history[at - 1].timestamp > u.timestamp do at = at - 1 end
  table.insert(history, at, {status = u.status, timestamp = u.timestamp, receivedAt = receivedAt,
    errors = u.errors, cursor = cursor})
  if u.status == 'FAILED' then
    for _, e in ipairs(u.errors) do table.insert(rec.errors, e) end
  end
  if type(u.conversation) == 'table' and next(u.conversation) ~= nil then rec.conversation = u.conversation end
  if type(u.pricing) == 'table' and next(u.pricing) ~= nil then rec.pricing = u.pricing end
  rec.status = status
  rec.conflict = conflict
  rec.updatedAt = receivedAt
  local encoded = cjson.encode(rec)
  redis.call('SET', recordKey, encoded, 'PX', retentionArg)

  if raw == false or raw == nil or isSend or learned then
    local indexes = {indexAllKey, phoneIndexKey}
    -- A customer filter may name the number or the BSUID: the id is indexed under each one known.
    if rec.recipient then indexes[#indexes + 1] = customerIndexPrefix .. rec.recipient end
    if rec.recipientUserId then indexes[#indexes + 1] = customerIndexPrefix .. rec.recipientUserId end
    for _, key in ipairs(indexes) do
      redis.call('ZADD', key, rec.createdAt, rec.id)
      trimIndex(key, rec.createdAt)
    end
    if raw and oldRecipient and oldRecipient ~= rec.recipient then
      redis.call('ZREM', customerIndexPrefix .. oldRecipient, rec.id)
    end
  else
    -- The record's TTL was renewed: so are those of the indexes that hold it.
    trimIndex(indexAllKey)
    trimIndex(phoneIndexKey)
    if rec.recipient then renewIndex(customerIndexPrefix .. rec.recipient, false) end
    if rec.recipientUserId then renewIndex(customerIndexPrefix .. rec.recipientUserId, false) end
  end

  local message = '{"cursor":"' .. cursor .. '",' .. string.sub(event, 2)
  -- Subscribers get the record beside the event, so that a fan-out needs no read per event.
  redis.call(publishCommand, channel, string.sub(message, 1, -2) .. ',"record":' .. encoded .. '}')
  -- A send answers with its record too, so that the caller can show it without reading it back, and with
  -- when the customer last wrote, so that it can warn of a closed service window.
  if isSend then
    if inboundKey ~= '' then return {1, message, encoded, redis.call('GET', inboundKey) or ''} end
    return {1, message, encoded}
  end
  return {1, message}
end

local replies = {}
for i = 0, itemCount - 1 do
  local at = 9 + 4 * i
  -- An item that fails (a record that does not decode) fails alone: the others of the run are applied.
  local ok, reply = pcall(apply, KEYS[3 + 2 * i], KEYS[4 + 2 * i], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3],
    ARGV[at + 4])
  if ok then
    replies[i + 1] = reply
  else
    replies[i + 1] = {-1, type(reply) == 'table' and reply.err or tostring(reply)}
  end
end
for _, key in ipairs(touched) do
  local horizon = horizons[key]
  if horizon then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. string.format('%d', horizon - retention))
  end
  redis.call('PEXPIRE', key, retention)
end
return replies
`;

/** Keys are given per run (two, then two per item): the caller passes their count first. */
export const APPLY_SCRIPT: LuaScript = { lua: APPLY_STATUS_LUA };

/** What a run is applied to: one partition's keys, and how its stream, channel and indexes are kept. */
export interface ApplyPartition {
  stream: string;
  indexAll: string;
  /** The prefix of the partition's by-customer index keys. */
  customerIndexPrefix: string;
  channel: string;
  publishCommand: 'PUBLISH' | 'SPUBLISH';
  partition: number;
  partitionCount: number;
  streamMaxLength: number;
  /** `~` (approximate) or `=` (exact) trimming of the stream. */
  trim: '~' | '=';
  retentionMs: number;
}

/** How every partition's stream and indexes are kept. */
export interface ApplySettings {
  streamMaxLength: number;
  streamTrim: StreamTrimMode;
  retentionMs: number;
}

/** What the runs in each partition of `layout` are applied to, by partition index. */
export function applyPartitionsOf(layout: RedisMessageLayout, settings: ApplySettings): ApplyPartition[] {
  const trim = trimOperator(settings.streamTrim);
  return layout.partitions.map((keys, partition) => {
    const channel = layout.channels[partition];
    if (channel === undefined) throw new Error(`The layout has no channel for partition ${partition}.`);
    return {
      stream: keys.stream,
      indexAll: keys.indexAll,
      customerIndexPrefix: keys.indexByRecipientPrefix,
      channel,
      publishCommand: layout.sharded ? 'SPUBLISH' : 'PUBLISH',
      partition,
      partitionCount: layout.partitions.length,
      streamMaxLength: settings.streamMaxLength,
      trim,
      retentionMs: settings.retentionMs,
    };
  });
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

/** The facts a send (or an echo, `EchoFacts`) gives its record. */
export type SendFacts =
  | Pick<MessageRecord, 'phoneNumberId' | 'recipient' | 'waId' | 'recipientUserId' | 'type' | 'createdAt'>
  | EchoFacts;

/** One status, send or echo of a run. */
export interface ApplyItem {
  recordKey: string;
  /** The record's index by phone number. */
  phoneNumberIndexKey: string;
  update: StatusUpdate;
  receivedAt: EpochMillis;
  /** Absent for a status from a webhook. */
  send?: SendFacts;
  /** A send's customer's inbound-time key, when it shares the partition's slot: read back with the send. */
  inboundKey?: string;
}

/** KEYS: 1 stream, 2 index of all messages; then per item: 3 record, 4 index by phone number. */
export function encodeApplyKeys(partition: ApplyPartition, items: readonly ApplyItem[]): string[] {
  const keys = [partition.stream, partition.indexAll];
  for (const item of items) keys.push(item.recordKey, item.phoneNumberIndexKey);
  return keys;
}

/**
 * ARGV: 1 item count, 2 stream max length, 3 trim mode, 4 channel, 5 customer index prefix, 6 `PUBLISH` or
 * `SPUBLISH`, 7 partition count, 8 this partition's index, 9 retention in ms; then per item (from 10, four
 * each): the update's JSON, receivedAt, the send facts' JSON or '', the inbound-time key or ''.
 */
export function encodeApplyArgs(partition: ApplyPartition, items: readonly ApplyItem[]): ScriptArg[] {
  const args: ScriptArg[] = [
    items.length,
    partition.streamMaxLength,
    partition.trim,
    partition.channel,
    partition.customerIndexPrefix,
    partition.publishCommand,
    partition.partitionCount,
    partition.partition,
    partition.retentionMs,
  ];
  for (const item of items) {
    args.push(
      JSON.stringify(item.update),
      item.receivedAt,
      item.send === undefined ? '' : JSON.stringify(item.send),
      item.inboundKey ?? '',
    );
  }
  return args;
}

/** One item's reply. */
export type ApplyItemReply =
  | {
      kind: 'applied';
      /** The event's JSON with its cursor (what was published, without the record). */
      event: string;
      /** A send's record JSON (undefined for a status from a webhook). */
      record: string | undefined;
      /** When the send's customer last wrote (null: never); undefined when not asked (no inbound key). */
      customerLastInboundAt: EpochMillis | null | undefined;
    }
  | { kind: 'duplicate'; cursor: string }
  | { kind: 'failed'; error: string };

/** The replies of a run of `itemCount` items, in their order. */
export function decodeApplyReply(reply: unknown, itemCount: number): ApplyItemReply[] {
  const entries = replyArray(APPLY_COMMAND, reply);
  if (entries.length !== itemCount) {
    throw new MalformedScriptReplyError(
      APPLY_COMMAND,
      `expected ${itemCount} item replies, got ${entries.length}`,
    );
  }
  const replies = new Array<ApplyItemReply>(itemCount);
  for (let i = 0; i < itemCount; i += 1) replies[i] = decodeItemReply(entries[i], i);
  return replies;
}

function decodeItemReply(reply: unknown, index: number): ApplyItemReply {
  if (!Array.isArray(reply)) throw malformedItem(index, `expected an array, got ${describeReply(reply)}`);
  const code: unknown = reply[0];
  const payload: unknown = reply[1];
  if (code === -1) return { kind: 'failed', error: String(payload) };
  if (typeof payload !== 'string') {
    throw malformedItem(index, `expected a string at 2, got ${describeReply(payload)}`);
  }
  if (code === 0 && reply.length === 2) return { kind: 'duplicate', cursor: payload };
  if (code !== 1 || reply.length > 4) {
    throw malformedItem(
      index,
      `expected {1, event…}, {0, cursor} or {-1, error}, got ${describeReply(reply)}`,
    );
  }
  const record: unknown = reply[2];
  const lastInbound: unknown = reply[3];
  if (record !== undefined && typeof record !== 'string') {
    throw malformedItem(index, `expected a record string at 3, got ${describeReply(record)}`);
  }
  if (lastInbound !== undefined && typeof lastInbound !== 'string') {
    throw malformedItem(index, `expected an inbound time string at 4, got ${describeReply(lastInbound)}`);
  }
  return {
    kind: 'applied',
    event: payload,
    record,
    customerLastInboundAt:
      lastInbound === undefined ? undefined : lastInbound === '' ? null : Number(lastInbound),
  };
}

function malformedItem(index: number, problem: string): MalformedScriptReplyError {
  return new MalformedScriptReplyError(APPLY_COMMAND, `item ${index + 1}: ${problem}`);
}
