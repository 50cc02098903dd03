import { type z } from 'zod';
import {
  type ConversationInfo,
  type EpochMillis,
  type MessageErrorDetail,
  MessageStatus,
  type PricingInfo,
  type StatusUpdate,
} from '../messages';
import {
  accountNotificationSchema,
  changeSchema,
  conversationSchema,
  entrySchema,
  envelopeSchema,
  type ErrorPayload,
  messagesValueSchema,
  type MessagesValuePayload,
  pricingSchema,
  statusSchema,
  type StatusPayload,
} from './webhook-payload.schema';

/** The `object` of the notifications the gateway handles; any other is acknowledged and ignored. */
export const WHATSAPP_BUSINESS_ACCOUNT_OBJECT = 'whatsapp_business_account';

/** The `field` of the changes that carry statuses and inbound messages; any other is ignored. */
export const MESSAGES_FIELD = 'messages';

/** At most this many notices are kept per body (the rest are only counted), so a debug line stays small. */
export const MAX_REPORTED_NOTICES = 100;

/** At most this many validation issues are reported for a malformed body. */
const MAX_REPORTED_ISSUES = 10;

/** Meta's status words (compared in lower case) and the statuses they become. */
const WEBHOOK_STATUSES: ReadonlyMap<string, MessageStatus> = new Map([
  ['sent', MessageStatus.SENT],
  ['delivered', MessageStatus.DELIVERED],
  ['read', MessageStatus.READ],
  ['played', MessageStatus.PLAYED],
  ['failed', MessageStatus.FAILED],
  ['deleted', MessageStatus.DELETED],
  ['warning', MessageStatus.WARNING],
]);

/** A customer's message to a business number: it opens (or extends) the 24-hour customer service window. */
export interface InboundMessage {
  messageId: string;
  /** The customer's WhatsApp id (Meta's `from`): digits, no `+`. */
  waId: string;
  phoneNumberId: string;
  timestamp: EpochMillis;
}

/** An error Meta reported in `value.errors[]`, not tied to one message; for the log. */
export interface AccountLevelError extends MessageErrorDetail {
  phoneNumberId: string;
  /** Where in the body it was, e.g. `entry[0].changes[1].value.errors[0]`. */
  path: string;
}

/** Something in the body the gateway deliberately ignored; reported so that the caller can log it at debug. */
export type PayloadNotice =
  | { kind: 'unknown-object'; object: string }
  | { kind: 'unknown-field'; path: string; field: string }
  | { kind: 'unknown-status'; path: string; messageId: string; status: string }
  | { kind: 'extra-property'; path: string };

/** A notification turned into typed updates, in body order (entry × change × item). */
export interface WebhookPayload {
  statuses: StatusUpdate[];
  inbound: InboundMessage[];
  accountErrors: AccountLevelError[];
  /** Statuses skipped because Meta's word for them is unknown (each also reported as a notice). */
  unknownStatuses: number;
  notices: PayloadNotice[];
  /** Notices beyond `MAX_REPORTED_NOTICES`, counted but not kept. */
  omittedNotices: number;
}

export type WebhookPayloadResult = { ok: true; payload: WebhookPayload } | { ok: false; issues: string[] };

/**
 * Turns an already signature-checked, JSON-parsed notification into typed updates.
 *
 * What is refused (`ok: false`, answered 400) and what is acknowledged:
 * - not an object with a string `object` → refused: Meta always sends one, so this is not a notification;
 * - an `object` other than `whatsapp_business_account` → acknowledged with nothing to store (a notice);
 * - a `whatsapp_business_account` body whose `entry`/`changes` structure, or whose `messages` value, is
 *   broken (a status without an id, a timestamp that is not Unix seconds, …) → refused as a whole: nothing
 *   of it is stored, so a corrected retry cannot double-apply part of it;
 * - unknown `field`s, unknown status words and extra properties → acknowledged and reported as notices.
 */
export function parseWebhookPayload(body: unknown): WebhookPayloadResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return refused(envelope.error, '');
  const payload: WebhookPayload = {
    statuses: [],
    inbound: [],
    accountErrors: [],
    unknownStatuses: 0,
    notices: [],
    omittedNotices: 0,
  };
  const notice = (item: PayloadNotice): void => {
    if (payload.notices.length < MAX_REPORTED_NOTICES) payload.notices.push(item);
    else payload.omittedNotices += 1;
  };
  if (envelope.data.object !== WHATSAPP_BUSINESS_ACCOUNT_OBJECT) {
    notice({ kind: 'unknown-object', object: envelope.data.object });
    return { ok: true, payload };
  }

  const account = accountNotificationSchema.safeParse(body);
  if (!account.success) return refused(account.error, '');
  reportExtraKeys(account.data, accountNotificationSchema.shape, '', notice);
  for (const [e, entry] of account.data.entry.entries()) {
    reportExtraKeys(entry, entrySchema.shape, `entry[${e}]`, notice);
    for (const [c, change] of entry.changes.entries()) {
      const path = `entry[${e}].changes[${c}]`;
      reportExtraKeys(change, changeSchema.shape, path, notice);
      if (change.field !== MESSAGES_FIELD) {
        notice({ kind: 'unknown-field', path, field: change.field });
        continue;
      }
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) return refused(value.error, `${path}.value`);
      collectMessagesValue(value.data, `${path}.value`, payload, notice);
    }
  }
  return { ok: true, payload };
}

function collectMessagesValue(
  value: MessagesValuePayload,
  path: string,
  payload: WebhookPayload,
  notice: (item: PayloadNotice) => void,
): void {
  const phoneNumberId = value.metadata.phone_number_id;
  reportExtraKeys(value, messagesValueSchema.shape, path, notice);
  for (const [s, status] of (value.statuses ?? []).entries()) {
    const statusPath = `${path}.statuses[${s}]`;
    reportExtraKeys(status, statusSchema.shape, statusPath, notice);
    if (status.conversation) {
      reportExtraKeys(status.conversation, conversationSchema.shape, `${statusPath}.conversation`, notice);
    }
    if (status.pricing) reportExtraKeys(status.pricing, pricingSchema.shape, `${statusPath}.pricing`, notice);
    const known = WEBHOOK_STATUSES.get(status.status.toLowerCase());
    if (known === undefined) {
      payload.unknownStatuses += 1;
      notice({ kind: 'unknown-status', path: statusPath, messageId: status.id, status: status.status });
      continue;
    }
    payload.statuses.push(toStatusUpdate(status, known, phoneNumberId));
  }
  for (const message of value.messages ?? []) {
    payload.inbound.push({
      messageId: message.id,
      waId: message.from,
      phoneNumberId,
      timestamp: message.timestamp,
    });
  }
  for (const [i, error] of (value.errors ?? []).entries()) {
    payload.accountErrors.push({ ...toErrorDetail(error), phoneNumberId, path: `${path}.errors[${i}]` });
  }
}

function toStatusUpdate(status: StatusPayload, known: MessageStatus, phoneNumberId: string): StatusUpdate {
  const update: StatusUpdate = {
    messageId: status.id,
    status: known,
    timestamp: status.timestamp,
    recipientId: status.recipient_id,
    phoneNumberId,
    errors: (status.errors ?? []).map(toErrorDetail),
  };
  if (status.conversation) {
    update.conversation = withoutUndefined<ConversationInfo>({
      id: status.conversation.id,
      expiresAt: status.conversation.expiration_timestamp,
      originType: status.conversation.origin?.type,
    });
  }
  if (status.pricing) {
    update.pricing = withoutUndefined<PricingInfo>({
      billable: status.pricing.billable,
      pricingModel: status.pricing.pricing_model,
      category: status.pricing.category,
      type: status.pricing.type,
    });
  }
  return update;
}

function toErrorDetail(error: ErrorPayload): MessageErrorDetail {
  return withoutUndefined<MessageErrorDetail>({
    code: error.code,
    title: error.title,
    message: error.message,
    details: error.error_data?.details,
    href: error.href,
  });
}

/** Absent fields stay absent (not `undefined`), so records compare and serialise the same in every store. */
function withoutUndefined<T extends object>(value: T): T {
  // A plain loop: this runs for every status's errors, conversation and pricing.
  const kept: Record<string, unknown> = {};
  for (const key in value) {
    const field = value[key];
    if (field !== undefined) kept[key] = field;
  }
  return kept as T;
}

function reportExtraKeys(
  value: Record<string, unknown>,
  shape: Record<string, unknown>,
  path: string,
  notice: (item: PayloadNotice) => void,
): void {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key))
      notice({ kind: 'extra-property', path: path === '' ? key : `${path}.${key}` });
  }
}

function refused(error: z.ZodError, prefix: string): { ok: false; issues: string[] } {
  const issues = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const path = issue.path.reduce<string>(
      (text, key) =>
        typeof key === 'number' ? `${text}[${key}]` : `${text}${text === '' ? '' : '.'}${String(key)}`,
      prefix,
    );
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
  if (error.issues.length > MAX_REPORTED_ISSUES)
    issues.push(`… and ${error.issues.length - MAX_REPORTED_ISSUES} more`);
  return { ok: false, issues };
}
