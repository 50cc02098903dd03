import { type MessageStatus } from './message-status';

/** Epoch milliseconds. Every time inside the gateway is one of these; Meta's seconds are converted at the edge. */
export type EpochMillis = number;

/** One error as Meta attaches it to a `failed` status (or as the gateway records a send-time rejection). */
export interface MessageErrorDetail {
  code: number;
  title?: string;
  message?: string;
  details?: string;
  href?: string;
}

export interface ConversationInfo {
  id?: string;
  /** Unix seconds → epoch millis. */
  expiresAt?: EpochMillis;
  originType?: string;
}

export interface PricingInfo {
  billable?: boolean;
  pricingModel?: string;
  category?: string;
  type?: string;
}

/** A status as Meta reported it, already parsed from the webhook (or made by the gateway for a send). */
export interface StatusUpdate {
  /** The wamid. */
  messageId: string;
  status: MessageStatus;
  /** Meta's timestamp of the status. */
  timestamp: EpochMillis;
  /** The customer's WhatsApp id: digits, no `+`. */
  recipientId: string;
  /** The business phone number the message went from. */
  phoneNumberId: string;
  errors: MessageErrorDetail[];
  conversation?: ConversationInfo;
  pricing?: PricingInfo;
}

/** One line of a message's history: what Meta said, when Meta said it happened, and when we heard it. */
export interface StatusHistoryEntry {
  status: MessageStatus;
  timestamp: EpochMillis;
  receivedAt: EpochMillis;
  errors: MessageErrorDetail[];
  /** The id of the event in the status stream; a subscriber resumes after it. */
  cursor: string;
}

/** Everything the gateway knows about one outbound message. */
export interface MessageRecord {
  id: string;
  phoneNumberId: string;
  /**
   * The number as the caller gave it (E.164 with `+`), or `+{waId}` when first seen in a webhook; absent
   * when the customer is known only by a business-scoped user id.
   */
  recipient?: string;
  waId?: string;
  /** The customer's business-scoped user id, when the send named one. */
  recipientUserId?: string;
  /** The content kind: `text`, `template`, `image`, … or `unknown` when first seen in a webhook. */
  type: string;
  createdAt: EpochMillis;
  /** The effective status after the ordering and conflict rules. */
  status: MessageStatus;
  /** True when both `delivered` (or better) and `failed` arrived: the customer has several devices. */
  conflict: boolean;
  statusHistory: StatusHistoryEntry[];
  /** The errors of every `failed` status, in arrival order. */
  errors: MessageErrorDetail[];
  conversation?: ConversationInfo;
  pricing?: PricingInfo;
  /** Time of the latest status change; the index orders by creation, this tells staleness. */
  updatedAt: EpochMillis;
}

/** What subscribers receive: one change of one message, with its place in the stream. */
export interface StatusChangeEvent {
  cursor: string;
  messageId: string;
  phoneNumberId: string;
  /** E.164 with `+`. */
  recipient: string;
  status: MessageStatus;
  /** The effective status before this change; null for the first. */
  previousStatus: MessageStatus | null;
  /** The effective status after this change (equal to `status` unless the rules kept another). */
  effectiveStatus: MessageStatus;
  timestamp: EpochMillis;
  receivedAt: EpochMillis;
  errors: MessageErrorDetail[];
}

/** A new outbound message, stored when the upstream accepted it. */
export interface NewMessage {
  id: string;
  phoneNumberId: string;
  /** E.164 with `+`; absent when the send named a business-scoped user id. */
  recipient?: string;
  /** Digits; absent when the send named a business-scoped user id. */
  waId?: string;
  /** The BSUID the send named, when it named one instead of a number. */
  recipientUserId?: string;
  type: string;
  status: MessageStatus.ACCEPTED | MessageStatus.HELD;
  createdAt: EpochMillis;
}
