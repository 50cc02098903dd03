import { type ContactSighting } from '../contacts';
import { type MessageErrorDetail, MessageStatus, type NewEcho, type StatusUpdate } from '../messages';
import { type EpochMillis } from '../store-kit';
import { type ParsedCallEvent } from './call-reader';
import { type InboundContent } from './inbound-message-reader';

/*
 * What the webhook parser returns, and the words of Meta's notifications it tells apart. The parser itself
 * is `webhook-payload.ts`; the schemas of the parts it reads are `webhook-payload.schema.ts`.
 */

/** The `object` of the notifications the gateway handles; any other is acknowledged and ignored. */
export const WHATSAPP_BUSINESS_ACCOUNT_OBJECT = 'whatsapp_business_account';

/** The `field` of the changes that carry statuses and inbound messages. */
export const MESSAGES_FIELD = 'messages';

/** The `field` of incoming and outgoing calls: stored as call events of the customer (they are not messages). */
export const CALLS_FIELD = 'calls';

/**
 * The `field` of the messages a business on the WhatsApp Business app and the Cloud API at once sent from
 * the app: stored as outbound messages of the customer's conversation.
 */
export const SMB_MESSAGE_ECHOES_FIELD = 'smb_message_echoes';

/** The `field` of customers' marketing preferences. */
export const USER_PREFERENCES_FIELD = 'user_preferences';

/** The preference category of marketing messages (the only one Meta reports so far). */
export const MARKETING_PREFERENCE = 'marketing_messages';

/**
 * Meta's marketing choices (compared in lower case) and whether each leaves the customer opted out. A
 * `signup` (through a signup link) is an explicit opt-in, like `resume`. Another word says nothing the
 * gateway can act on: the contact keeps its choice, and the account event shows Meta's word.
 */
export const MARKETING_OPT_OUT_BY_CHOICE: ReadonlyMap<string, boolean> = new Map([
  ['stop', true],
  ['resume', false],
  ['signup', false],
]);

/** Meta's status words (compared in lower case) and the statuses they become. */
export const WEBHOOK_STATUSES: ReadonlyMap<string, MessageStatus> = new Map([
  ['sent', MessageStatus.SENT],
  ['delivered', MessageStatus.DELIVERED],
  ['read', MessageStatus.READ],
  ['played', MessageStatus.PLAYED],
  ['failed', MessageStatus.FAILED],
  ['deleted', MessageStatus.DELETED],
  ['warning', MessageStatus.WARNING],
]);

/** At most this many notices are kept per body (the rest are only counted), so a debug line stays small. */
export const MAX_REPORTED_NOTICES = 100;

/** A customer's message to a business number: it opens (or extends) the 24-hour customer service window. */
export interface InboundMessage {
  messageId: string;
  /** The customer's WhatsApp id (Meta's `from`): digits, no `+`. Absent for a customer known by BSUID only. */
  waId?: string;
  /** The customer's business-scoped user id (Meta's `from_user_id`). */
  userId?: string;
  phoneNumberId: string;
  timestamp: EpochMillis;
  /** What the customer sent, with its type, content and the message as Meta sent it. */
  content: InboundContent;
}

/** An error Meta reported in `value.errors[]`, not tied to one message; for the log. */
export interface AccountLevelError extends MessageErrorDetail {
  phoneNumberId: string;
  /** Where in the body it was, e.g. `entry[0].changes[1].value.errors[0]`. */
  path: string;
}

/**
 * A part of the body the gateway could not read (a status without an id, a timestamp that is not Unix
 * seconds, a body that is JSON but no notification). It is kept whole, so that nothing Meta sent is lost.
 */
export interface UnreadablePart {
  /** Where in the body it was, e.g. `entry[0].changes[0].value.statuses[1]`; `` for the whole body. */
  path: string;
  /** The change's `field`, when the part was inside one. */
  field?: string;
  /** The entry's id (the WhatsApp Business Account), when known. */
  businessAccountId?: string;
  phoneNumberId?: string;
  /** What was wrong, e.g. `timestamp: expected Unix seconds as digits`. */
  reason: string;
  /** The part as Meta sent it. */
  raw: unknown;
}

/** A change of a field other than `messages`: an account event as Meta sent it. */
export interface AccountChange {
  field: string;
  /** The change's `value`, as sent (an object for every field Meta documents). */
  value: unknown;
  businessAccountId?: string;
  /** The entry's `time` (Unix seconds → epoch millis), when Meta sent one. */
  time?: EpochMillis;
  path: string;
}

/** Something in the body the gateway deliberately ignored; reported so that the caller can log it at debug. */
export type PayloadNotice =
  | { kind: 'unknown-object'; object: string }
  | { kind: 'unknown-status'; path: string; messageId: string; status: string }
  | { kind: 'extra-property'; path: string };

/** A notification turned into typed updates, in body order (entry × change × item). */
export interface WebhookPayload {
  statuses: StatusUpdate[];
  inbound: InboundMessage[];
  /** One per customer named in the body (sightings of the same customer merged). */
  contacts: ContactSighting[];
  accountErrors: AccountLevelError[];
  /** Changes of every other field, in body order (calls and echoes excepted: `callEvents`, `echoes`). */
  accountChanges: AccountChange[];
  /** Changes of the `calls` field. */
  calls: number;
  /** Messages the business sent from the WhatsApp Business app (`smb_message_echoes`), in body order. */
  echoes: NewEcho[];
  /** Call events (`calls[]` and `statuses[]` of the `calls` field), in body order. */
  callEvents: ParsedCallEvent[];
  unreadable: UnreadablePart[];
  /** Statuses skipped because Meta's word for them is unknown (each also reported as a notice). */
  unknownStatuses: number;
  notices: PayloadNotice[];
  /** Notices beyond `MAX_REPORTED_NOTICES`, counted but not kept. */
  omittedNotices: number;
}

/** The customer of an echo, a call or a `contacts[]` item, as Meta named them: the number (digits), the BSUIDs. */
export interface Party {
  waId?: string;
  userId?: string;
  parentUserId?: string;
}

/** Where a part sits: its path in the body and the change it belongs to. */
export interface PartPlace {
  path: string;
  field?: string;
  businessAccountId?: string;
  phoneNumberId?: string;
}
