/**
 * Meta's Graph API wire format, as the gateway sends and receives it (WhatsApp Cloud API reference:
 * messages, phone numbers, debug_token, error envelope). Snake case is Meta's; nothing here is ours.
 *
 * Where Meta documents a closed list of values, the type names the known ones and still admits any other
 * string: Meta adds values without notice, and an answer with a new value must not become an error.
 */

/** A string value Meta may add to a documented list; keeps editor hints for the known values. */
export type OpenString<Known extends string> = Known | (string & Record<never, never>);

/** Any JSON value; used where the gateway forwards an object it does not interpret. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------------
// Send: POST /{version}/{phone-number-id}/messages

/** A reply: the wamid of the message being answered, beside any content type. */
export interface ReplyContext {
  message_id: string;
}

/** A send names its customer by number (`to`) or, for a customer with a username, by BSUID (`recipient`). */
type SendRecipientField =
  | {
      /** The customer's number (E.164, with or without `+`) or their wa_id. */
      to: string;
      recipient?: never;
    }
  | {
      /** The customer's business-scoped user id, e.g. `US.13491208655302741918`. */
      recipient: string;
      to?: never;
    };

type SendMessageBase = SendRecipientField & {
  messaging_product: 'whatsapp';
  recipient_type?: 'individual';
  context?: ReplyContext;
};

export interface TextObject {
  body: string;
  preview_url?: boolean;
}

export interface TemplateLanguage {
  code: string;
  policy?: 'deterministic';
}

/** One template variable; `text` is by far the most common, the rest are passed through as Meta defines them. */
export type TemplateParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'currency'; currency: { fallback_value: string; code: string; amount_1000: number } }
  | { type: 'date_time'; date_time: { fallback_value: string } }
  | { type: 'image'; image: MediaReference }
  | { type: 'video'; video: MediaReference }
  | { type: 'document'; document: MediaReference & { filename?: string } }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; coupon_code: string }
  | { type: 'action'; action: { [key: string]: JsonValue } };

export interface TemplateComponent {
  type: OpenString<'header' | 'body' | 'button' | 'footer' | 'carousel'>;
  sub_type?: OpenString<'quick_reply' | 'url' | 'copy_code' | 'flow' | 'catalog'>;
  index?: string | number;
  parameters?: TemplateParameter[];
}

export interface TemplateObject {
  name: string;
  language: TemplateLanguage;
  components?: TemplateComponent[];
}

/** Media is sent either by a public link or by the id of an upload; exactly one of the two. */
export type MediaReference = { link: string; id?: never } | { id: string; link?: never };

/** Image and video accept a caption (at most 1,024 characters). */
export type CaptionedMedia = MediaReference & { caption?: string };

/** Documents accept a caption and the file name the customer sees. */
export type DocumentMedia = MediaReference & { caption?: string; filename?: string };

/** The interactive object (buttons, lists, CTA URLs, flows …) is forwarded as given. */
export type InteractiveObject = { type: string } & { [key: string]: JsonValue };

export interface ReactionObject {
  /** The wamid reacted to. */
  message_id: string;
  /** One emoji; an empty string removes the reaction. */
  emoji: string;
}

export type SendMessageRequest =
  | (SendMessageBase & { type: 'text'; text: TextObject })
  | (SendMessageBase & { type: 'template'; template: TemplateObject })
  | (SendMessageBase & { type: 'image'; image: CaptionedMedia })
  | (SendMessageBase & { type: 'video'; video: CaptionedMedia })
  | (SendMessageBase & { type: 'audio'; audio: MediaReference })
  | (SendMessageBase & { type: 'sticker'; sticker: MediaReference })
  | (SendMessageBase & { type: 'document'; document: DocumentMedia })
  | (SendMessageBase & { type: 'interactive'; interactive: InteractiveObject })
  | (SendMessageBase & { type: 'reaction'; reaction: ReactionObject });

/** The content kinds a send can carry. */
export type SendMessageType = SendMessageRequest['type'];

export interface SendMessageContact {
  /** The `to` (or `recipient`) as sent. */
  input: string;
  /** The customer's WhatsApp id (digits, no `+`); absent when the send named a BSUID. */
  wa_id?: string;
  /** The customer's BSUID, when Meta knows it. */
  user_id?: string;
}

/** `held_for_quality_assessment` and `paused` concern marketing templates. */
export type SendMessageStatus = OpenString<'accepted' | 'held_for_quality_assessment' | 'paused'>;

export interface SentMessage {
  /** The wamid; every later webhook status refers to it. */
  id: string;
  /** Present for template sends. */
  message_status?: SendMessageStatus;
}

/** A 200 means accepted by Meta, not delivered: delivery is only known from webhooks. */
export interface SendMessageResponse {
  messaging_product: 'whatsapp';
  contacts: SendMessageContact[];
  messages: SentMessage[];
}

// ---------------------------------------------------------------------------------------------------
// Mark as read: POST /{version}/{phone-number-id}/messages

export interface MarkReadRequest {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
}

export interface MarkReadResponse {
  success: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Phone number: GET /{version}/{phone-number-id}?fields=…

export type CanSendMessage = OpenString<'AVAILABLE' | 'LIMITED' | 'BLOCKED'>;

export interface HealthStatusError {
  error_code: number;
  error_description?: string;
  possible_solution?: string;
}

export interface HealthStatusEntity {
  entity_type: OpenString<'PHONE_NUMBER' | 'WABA' | 'BUSINESS' | 'APP' | 'MESSAGE_TEMPLATE'>;
  id: string;
  can_send_message: CanSendMessage;
  errors?: HealthStatusError[];
  additional_info?: string[];
}

export interface HealthStatus {
  /** The worst of the entities' values. */
  can_send_message: CanSendMessage;
  entities?: HealthStatusEntity[];
}

export type QualityRating = OpenString<'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'>;

export type MessagingLimitTier = OpenString<
  'TIER_50' | 'TIER_250' | 'TIER_1K' | 'TIER_10K' | 'TIER_100K' | 'TIER_UNLIMITED'
>;

export type PhoneNumberStatus = OpenString<
  | 'CONNECTED'
  | 'PENDING'
  | 'DISCONNECTED'
  | 'FLAGGED'
  | 'RESTRICTED'
  | 'BANNED'
  | 'DELETED'
  | 'MIGRATED'
  | 'RATE_LIMITED'
  | 'UNVERIFIED'
>;

export type NameStatus = OpenString<
  'APPROVED' | 'DECLINED' | 'PENDING_REVIEW' | 'EXPIRED' | 'AVAILABLE_WITHOUT_REVIEW' | 'NONE'
>;

export type ThroughputLevel = OpenString<'STANDARD' | 'HIGH' | 'NOT_APPLICABLE'>;

export type PlatformType = OpenString<'CLOUD_API' | 'ON_PREMISE' | 'NOT_APPLICABLE'>;

/** Every field but `id` may be missing: Meta answers only what it has for the number. */
export interface PhoneNumberResponse {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: QualityRating;
  messaging_limit_tier?: MessagingLimitTier;
  status?: PhoneNumberStatus;
  name_status?: NameStatus;
  code_verification_status?: string;
  throughput?: { level: ThroughputLevel };
  platform_type?: PlatformType;
  is_official_business_account?: boolean;
  health_status?: HealthStatus;
}

/** The fields the client asks for, in the order of Meta's reference. */
export const PHONE_NUMBER_FIELDS: readonly (keyof PhoneNumberResponse)[] = [
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'messaging_limit_tier',
  'status',
  'name_status',
  'code_verification_status',
  'throughput',
  'platform_type',
  'is_official_business_account',
  'health_status',
  'id',
];

// ---------------------------------------------------------------------------------------------------
// Token debugging: GET /{version}/debug_token?input_token=…

export interface GranularScope {
  scope: string;
  /** The WhatsApp Business Accounts (or other objects) the scope covers; absent means all. */
  target_ids?: string[];
}

export interface DebugTokenError {
  code: number;
  message: string;
  subcode?: number;
}

export interface DebugTokenData {
  app_id?: string;
  type?: OpenString<'SYSTEM_USER' | 'USER' | 'PAGE' | 'APP'>;
  application?: string;
  /** Unix seconds; 0 means never. */
  data_access_expires_at?: number;
  /** Unix seconds; 0 means the token does not expire. */
  expires_at?: number;
  is_valid: boolean;
  /** Unix seconds. */
  issued_at?: number;
  scopes?: string[];
  granular_scopes?: GranularScope[];
  user_id?: string;
  /** Present when the token is not valid, e.g. 190/463 for an expired one. */
  error?: DebugTokenError;
}

export interface DebugTokenResponse {
  data: DebugTokenData;
}

// ---------------------------------------------------------------------------------------------------
// Errors: the envelope of every 4xx/5xx

/** Every field but `message`, `type` and `code` may be missing. */
export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: { messaging_product?: string; details?: string };
  is_transient?: boolean;
  fbtrace_id?: string;
}

export interface GraphErrorEnvelope {
  error: GraphErrorBody;
}
