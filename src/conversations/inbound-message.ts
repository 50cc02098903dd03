import { type MessageErrorDetail } from '../messages';
import { type EpochMillis } from '../store-kit';

/** What a customer sent, as Meta types it. */
export enum InboundMessageType {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE',
  AUDIO = 'AUDIO',
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
  STICKER = 'STICKER',
  LOCATION = 'LOCATION',
  CONTACTS = 'CONTACTS',
  INTERACTIVE = 'INTERACTIVE',
  BUTTON = 'BUTTON',
  REACTION = 'REACTION',
  ORDER = 'ORDER',
  SYSTEM = 'SYSTEM',
  /** The customer edited one of their messages (`changes` names it); the new content is this message's. */
  EDIT = 'EDIT',
  /** The customer deleted one of their messages for everyone (`changes` names it). */
  REVOKE = 'REVOKE',
  UNSUPPORTED = 'UNSUPPORTED',
}

/** A medium the customer sent; its bytes stay at Meta until fetched through `GET /media/{id}`. */
export interface InboundMedia {
  id: string;
  mimeType?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  /** An audio message recorded as a voice note. */
  voice?: boolean;
  /** An animated sticker. */
  animated?: boolean;
}

export interface InboundLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
  url?: string;
}

/** The quick-reply button, list row or flow the customer chose. */
export interface InboundReply {
  /** `button_reply`, `list_reply`, `nfm_reply` or `button` (a template's quick reply). */
  kind: string;
  id?: string;
  title?: string;
  description?: string;
}

export interface InboundReaction {
  /** The wamid reacted to. */
  messageId: string;
  /** Absent when the customer removed their reaction. */
  emoji?: string;
}

/** A JSON value as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A Flow the customer completed (`interactive.nfm_reply`). */
export interface InboundFlowReply {
  /** Meta's `name` (`flow` for Flows). */
  name?: string;
  /** The text the customer's bubble shows, e.g. `Sent`. */
  body?: string;
  /** `response_json` parsed; the text as sent when it is not JSON, so that no answer is lost. */
  response?: JsonValue;
  /** The `flow_token` the business sent the Flow with, when the response carries it. */
  flowToken?: string;
}

/** The customer's answer to a call permission request (`interactive.call_permission_reply`). */
export interface InboundCallPermissionReply {
  /** Meta's word as sent: `accept`, `reject`, or one added later. */
  response?: string;
  /** When a temporary permission ends (Meta's `expiration_timestamp`). */
  expiresAt?: EpochMillis;
  /** Meta's `response_source`: `user_action`, or `automatic` when the customer called first. */
  source?: string;
  /** Meta's `is_permanent`. */
  isPermanent?: boolean;
}

/** Who wrote: the number, the BSUID, or both, as Meta named them. */
export interface InboundSender {
  waId?: string;
  userId?: string;
}

/** One message a customer sent to a business number, as stored. */
export interface InboundMessageRecord {
  /** Meta's wamid. */
  id: string;
  phoneNumberId: string;
  from: InboundSender;
  type: InboundMessageType;
  /** Meta's type word as sent (`text`, `interactive`, …), kept for types the gateway may not model yet. */
  rawType: string;
  timestamp: EpochMillis;
  receivedAt: EpochMillis;
  /** A text's body, a caption, a button's text or a system message's body: what a list shows. */
  text?: string;
  media?: InboundMedia;
  location?: InboundLocation;
  reply?: InboundReply;
  reaction?: InboundReaction;
  flowReply?: InboundFlowReply;
  callPermissionReply?: InboundCallPermissionReply;
  /** The wamid this message answers (`context.id`). */
  replyTo?: string;
  /** For `EDIT` and `REVOKE`: the wamid of the customer's message changed (Meta's `original_message_id`). */
  changes?: string;
  /**
   * When the customer last edited this message (the latest edit's timestamp); `text` and `media` are then
   * the edited ones. Never stored with the message: stores add it on reads from the edits they keep.
   */
  editedAt?: EpochMillis;
  /** When the customer deleted this message for everyone; added on reads like `editedAt`. */
  revokedAt?: EpochMillis;
  errors: MessageErrorDetail[];
  /** The message as Meta sent it (for an edited message: as first sent). */
  raw: Record<string, unknown>;
}

/** A stored inbound message with its place in the inbound event stream (a subscriber resumes after it). */
export interface InboundMessageEvent {
  cursor: string;
  message: InboundMessageRecord;
}
