import { type EpochMillis, type MessageErrorDetail } from '../messages';

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
  /** The wamid this message answers (`context.id`). */
  replyTo?: string;
  errors: MessageErrorDetail[];
  /** The message as Meta sent it. */
  raw: Record<string, unknown>;
}

/** A stored inbound message with its place in the inbound event stream (a subscriber resumes after it). */
export interface InboundMessageEvent {
  cursor: string;
  message: InboundMessageRecord;
}
