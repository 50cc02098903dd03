/**
 * Meta's Graph API wire shapes, as the simulator speaks them. Defined here on purpose: the simulator
 * stands in for Meta and shares no code with the gateway, so a wrong assumption on one side is caught by
 * the other instead of being shared by both.
 */

/** Status names Meta posts in `statuses[].status`. */
export type WireStatusName = 'sent' | 'delivered' | 'read' | 'failed';

/** `message_status` in a send response (template sends only). */
export type WireMessageStatus = 'accepted' | 'held_for_quality_assessment' | 'paused';

/** Meta's error envelope: `{ error: … }`. Every field but message, type and code may be missing. */
export interface WireErrorEnvelope {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    is_transient?: boolean;
    fbtrace_id: string;
  };
}

/** `200` answer to an accepted send. */
export interface WireSendResponse {
  messaging_product: 'whatsapp';
  /** `wa_id` for a send to a number; `user_id` for a send to a business-scoped user id. */
  contacts: ({ input: string; wa_id: string } | { input: string; user_id: string })[];
  messages: { id: string; message_status?: WireMessageStatus }[];
}

/** One error inside a `failed` status (or `value.errors[]`). */
export interface WireStatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export interface WireConversation {
  id: string;
  expiration_timestamp?: string;
  origin: { type: string };
}

export interface WirePricing {
  billable: boolean;
  pricing_model: string;
  category: string;
  type?: string;
}

/** One entry of `value.statuses[]`. */
export interface WireStatus {
  id: string;
  status: WireStatusName;
  /** Unix seconds, as a string. */
  timestamp: string;
  /** The customer's wa_id: digits, no `+`. Left out for a customer known by BSUID only (a username). */
  recipient_id?: string;
  /** The customer's business-scoped user id (since 2026). */
  recipient_user_id?: string;
  conversation?: WireConversation;
  pricing?: WirePricing;
  errors?: WireStatusError[];
}

export interface WireWebhookMetadata {
  /** Digits only, as Meta sends it in webhooks. */
  display_phone_number: string;
  phone_number_id: string;
}

export interface WireInboundContact {
  profile: { name: string; username?: string };
  /** Left out for a customer known by BSUID only. */
  wa_id?: string;
  user_id?: string;
}

/** A medium as Meta describes it in an inbound message. */
export interface WireInboundMedia {
  id: string;
  mime_type: string;
  sha256: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
}

/** What a customer sent: the type and its part, as in Meta's inbound messages. */
export type WireInboundContent =
  | { type: 'text'; text: { body: string } }
  | { type: 'image'; image: WireInboundMedia }
  | { type: 'document'; document: WireInboundMedia }
  | { type: 'audio'; audio: WireInboundMedia }
  | { type: 'button'; button: { payload: string; text: string } }
  | { type: 'reaction'; reaction: { message_id: string; emoji: string } };

export type WireInboundMessage = WireInboundContent & {
  /** Left out for a customer known by BSUID only. */
  from?: string;
  from_user_id?: string;
  id: string;
  timestamp: string;
  context?: { from: string; id: string };
};

export interface WireWebhookValue {
  messaging_product: 'whatsapp';
  metadata: WireWebhookMetadata;
  statuses?: WireStatus[];
  contacts?: WireInboundContact[];
  messages?: WireInboundMessage[];
}

/** The body Meta POSTs to the callback URL. */
export interface WireWebhookPayload {
  object: 'whatsapp_business_account';
  entry: { id: string; changes: { field: 'messages'; value: WireWebhookValue }[] }[];
}

export type WireCanSendMessage = 'AVAILABLE' | 'LIMITED' | 'BLOCKED';

export interface WireHealthEntity {
  entity_type: 'PHONE_NUMBER' | 'WABA' | 'BUSINESS' | 'APP';
  id: string;
  can_send_message: WireCanSendMessage;
  errors?: { error_code: number; error_description: string; possible_solution: string }[];
  additional_info?: string[];
}

export interface WireHealthStatus {
  can_send_message: WireCanSendMessage;
  entities: WireHealthEntity[];
}

/** Every field `GET /{phone-number-id}` can return (the `id` is always added). */
export interface WirePhoneNumberFields {
  display_phone_number: string;
  verified_name: string;
  quality_rating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
  messaging_limit_tier: string;
  status: string;
  name_status: string;
  code_verification_status: string;
  throughput: { level: 'STANDARD' | 'HIGH' | 'NOT_APPLICABLE' };
  platform_type: 'CLOUD_API' | 'ON_PREMISE' | 'NOT_APPLICABLE';
  is_official_business_account: boolean;
  health_status: WireHealthStatus;
}

export interface WireGranularScope {
  scope: string;
  target_ids?: string[];
}

/** `data` of a `debug_token` answer. */
export interface WireDebugTokenData {
  app_id: string;
  type: 'SYSTEM_USER' | 'USER' | 'APP';
  application: string;
  data_access_expires_at: number;
  expires_at: number;
  is_valid: boolean;
  issued_at?: number;
  scopes: string[];
  granular_scopes: WireGranularScope[];
  user_id?: string;
  error?: { code: number; subcode: number; message: string };
}

/** A body of another webhook field (`user_preferences`, …): Meta's envelope around that field's value. */
export interface WireAccountWebhookPayload {
  object: 'whatsapp_business_account';
  entry: { id: string; time: number; changes: { field: string; value: Record<string, unknown> }[] }[];
}
