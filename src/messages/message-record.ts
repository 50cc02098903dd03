import { type EpochMillis } from '../store-kit';
import { type MessageOrigin } from './message-origin';
import { type MessageStatus } from './message-status';

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
  /** The customer's WhatsApp id: digits, no `+`. Absent when Meta named the customer by BSUID only. */
  recipientId?: string;
  /** The customer's business-scoped user id (`US.1349…`), when Meta sent one. */
  recipientUserId?: string;
  /** The parent BSUID (`US.ENT.…`) when the business portfolio is linked to others. */
  recipientParentUserId?: string;
  /** `group` for a message to a WhatsApp group; absent (or `individual`) for one customer. */
  recipientType?: string;
  /** In a group: the participant this status is about (their number, when Meta shows it). */
  recipientParticipantId?: string;
  /** In a group: the participant's business-scoped user id. */
  recipientParticipantUserId?: string;
  /** In a group: the participant's parent BSUID. */
  recipientParticipantParentUserId?: string;
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
   * The number as the caller gave it (E.164 with `+`), or `+{waId}` when first seen in a webhook. Absent when
   * the customer is known by BSUID only (a WhatsApp username hides the number) or the recipient is a group.
   */
  recipient?: string;
  waId?: string;
  /** The customer's business-scoped user id, when the send named it or Meta reported it. */
  recipientUserId?: string;
  recipientParentUserId?: string;
  /** `group` for a message to a WhatsApp group. */
  recipientType?: string;
  /** The group id for a message to a group (Meta's `recipient_id` of a group status). */
  groupId?: string;
  /**
   * In a group: the participant of the latest status that named one, kept whole (their number, BSUID and
   * parent BSUID as that status gave them).
   */
  recipientParticipantId?: string;
  recipientParticipantUserId?: string;
  recipientParticipantParentUserId?: string;
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
  /**
   * `BUSINESS_APP` for a message the business sent from the WhatsApp Business app (an echo); absent for a
   * send through the gateway, so that the records of sends stay as they were.
   */
  origin?: MessageOrigin;
  /**
   * What a message sent from the app says (a text's body, a caption, an edit's new text). The gateway keeps
   * no content of its own sends: the caller has it.
   */
  text?: string;
  /** For an edit or a revoke sent from the app: the wamid of the message it changes. */
  originalMessageId?: string;
  /**
   * The echo as Meta sent it, as JSON text: the Lua apply script decodes and re-encodes the record on every
   * status, and cjson would turn its empty lists into objects and round its long numbers.
   */
  rawJson?: string;
}

/** What subscribers receive: one change of one message, with its place in the stream. */
export interface StatusChangeEvent {
  cursor: string;
  messageId: string;
  phoneNumberId: string;
  /** E.164 with `+`; absent when the customer is known by BSUID only. */
  recipient?: string;
  /** The customer's BSUID, when known. */
  recipientUserId?: string;
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
  /** E.164 with `+`, when sent to a phone number. */
  recipient?: string;
  waId?: string;
  /** The BSUID, when sent to a business-scoped user id. */
  recipientUserId?: string;
  type: string;
  status: MessageStatus.ACCEPTED | MessageStatus.HELD;
  createdAt: EpochMillis;
}

/**
 * A message the business sent from the WhatsApp Business app, as Meta echoed it (`smb_message_echoes`). It
 * is stored as an outbound message of the customer's conversation, never sent: the app already sent it.
 */
export interface NewEcho {
  /** The wamid. */
  id: string;
  /** The business number it went from. */
  phoneNumberId: string;
  /** The customer's number, E.164 with `+`, when Meta named it. */
  recipient?: string;
  waId?: string;
  recipientUserId?: string;
  recipientParentUserId?: string;
  /** Meta's type word: `text`, `image`, `edit`, `revoke`, … */
  type: string;
  /** Meta's time of the echo. */
  timestamp: EpochMillis;
  text?: string;
  originalMessageId?: string;
  /** The echo as Meta sent it, serialised. */
  rawJson: string;
}
