import { type OpenString } from './wire-types';

/*
 * Meta's message-template wire format (WhatsApp Business Management API: `GET/POST/DELETE
 * /{waba-id}/message_templates`, `GET /{template-id}`). Snake case is Meta's. Every list of values is
 * open: Meta adds statuses, categories and component kinds without notice, and a sync must keep a
 * template it cannot fully read rather than fail on it (see `WireTemplate.unrecognised`).
 */

export type WireTemplateStatus = OpenString<
  | 'APPROVED'
  | 'IN_APPEAL'
  | 'PENDING'
  | 'REJECTED'
  | 'PENDING_DELETION'
  | 'DELETED'
  | 'DISABLED'
  | 'PAUSED'
  | 'LIMIT_EXCEEDED'
  | 'ARCHIVED'
>;

/** `TRANSACTIONAL` is the pre-2023 name of UTILITY; old templates still carry it. */
export type WireTemplateCategory = OpenString<'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | 'TRANSACTIONAL'>;

export type WireParameterFormat = OpenString<'POSITIONAL' | 'NAMED'>;

export type WireTemplateQuality = OpenString<'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'>;

export type WireRejectedReason = OpenString<
  | 'ABUSIVE_CONTENT'
  | 'INVALID_FORMAT'
  | 'NONE'
  | 'PROMOTIONAL'
  | 'TAG_CONTENT_MISMATCH'
  | 'SCAM'
  | 'INCORRECT_CATEGORY'
>;

export type WireComponentType = OpenString<
  'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | 'CAROUSEL' | 'LIMITED_TIME_OFFER'
>;

export type WireHeaderFormat = OpenString<
  'TEXT' | 'IMAGE' | 'VIDEO' | 'GIF' | 'DOCUMENT' | 'LOCATION' | 'PRODUCT'
>;

export type WireButtonType = OpenString<
  | 'QUICK_REPLY'
  | 'URL'
  | 'PHONE_NUMBER'
  | 'VOICE_CALL'
  | 'COPY_CODE'
  | 'OTP'
  | 'FLOW'
  | 'CATALOG'
  | 'MPM'
  | 'SPM'
  | 'APP'
  | 'CALL_PERMISSION_REQUEST'
  | 'REQUEST_CONTACT_INFO'
>;

/** One named placeholder's sample, in `body_text_named_params` / `header_text_named_params`. */
export type WireNamedParamExample = {
  param_name: string;
  example: string;
};

/** The samples Meta keeps with a component; positional body samples are a nested array. */
export type WireComponentExample = {
  header_text?: string[];
  header_text_named_params?: WireNamedParamExample[];
  /** A signed, expiring media URL: a sample only, never a send-time default. */
  header_handle?: string[];
  body_text?: string[][];
  body_text_named_params?: WireNamedParamExample[];
  /** Meta's other fields, kept as they came. */
  [key: string]: unknown;
};

export type WireTemplateButton = {
  type: WireButtonType;
  text?: string;
  url?: string;
  phone_number?: string;
  otp_type?: OpenString<'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'>;
  /** URL buttons: the sample suffix of a dynamic URL. */
  example?: string[] | string;
  /** Meta's other fields, kept as they came. */
  [key: string]: unknown;
};

/** A component as Meta defines it; kept whole (fields beyond these are Meta's and are kept too). */
export type WireTemplateComponent = {
  type: WireComponentType;
  format?: WireHeaderFormat;
  text?: string;
  example?: WireComponentExample;
  buttons?: WireTemplateButton[];
  /** Meta's other fields, kept as they came. */
  [key: string]: unknown;
};

export interface WireQualityScore {
  score: WireTemplateQuality;
  /** Unix seconds. */
  date?: number;
}

/**
 * One template as read. Only `id`, `name` and `language` are required: without them it cannot be
 * stored. Anything else may be missing, carry a value outside the known lists, or have a shape the
 * client does not know; such a template is still returned, with `unrecognised` saying what was odd.
 */
export interface WireTemplate {
  id: string;
  name: string;
  language: string;
  /** `UNKNOWN` when Meta left it out (or answered only the fields asked for). */
  status: WireTemplateStatus;
  category: WireTemplateCategory;
  parameter_format?: WireParameterFormat;
  components: WireTemplateComponent[];
  quality_score?: WireQualityScore;
  rejected_reason?: WireRejectedReason;
  previous_category?: WireTemplateCategory;
  correct_category?: WireTemplateCategory;
  sub_category?: string;
  /**
   * What the client could not read as documented, one entry each, e.g. `status: FLAGGED_FOR_REVIEW
   * (unknown value)` or `components[2]: not an object (dropped)`. Empty for a template read as documented.
   */
  unrecognised: string[];
}

/** `summary=…` of the list, in the gateway's names; each figure may be missing. */
export interface TemplateListSummary {
  totalCount?: number;
  messageTemplateCount?: number;
  messageTemplateLimit?: number;
  areTranslationsComplete?: boolean;
}

/** An entry of `data[]` that had no usable id, name or language: reported, not stored. */
export interface UnreadableTemplate {
  /** Its index in the page's `data`. */
  index: number;
  reason: string;
}

/** One page of `GET /{waba-id}/message_templates`. */
export interface TemplatePage {
  templates: WireTemplate[];
  /** The cursor of the next page; `null` on the last page (Meta gives no `paging.next` there). */
  after: string | null;
  summary: TemplateListSummary | null;
  unreadable: UnreadableTemplate[];
}

/** The fields a template read asks for, in the order of Meta's reference. */
export const TEMPLATE_FIELDS = [
  'id',
  'name',
  'language',
  'status',
  'category',
  'parameter_format',
  'components',
  'quality_score',
  'rejected_reason',
  'previous_category',
  'correct_category',
  'sub_category',
] as const;

export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The figures `summary=` asks for. */
export const TEMPLATE_SUMMARY_FIELDS = [
  'total_count',
  'message_template_count',
  'message_template_limit',
  'are_translations_complete',
] as const;

export interface ListTemplatesOptions {
  /** The cursor of a previous page's `after`. */
  after?: string;
  /** Templates per page; Meta's default (25) when unset. */
  limit?: number;
  /** Default: every field of {@link TEMPLATE_FIELDS}. */
  fields?: readonly TemplateField[];
}

/** `POST /{waba-id}/message_templates`, as Meta defines it. */
export interface CreateTemplateRequest {
  name: string;
  language: string;
  category: WireTemplateCategory;
  parameter_format?: WireParameterFormat;
  components: WireTemplateComponent[];
  allow_category_change?: boolean;
  message_send_ttl_seconds?: number;
}

/** Meta's answer to a create; `category` may differ from the one asked for (recategorisation). */
export interface CreateTemplateResponse {
  id: string;
  status: WireTemplateStatus;
  category: WireTemplateCategory;
}

export interface DeleteTemplateOptions {
  /** Every language of this name is deleted, unless `templateId` names one of them. */
  name: string;
  /** Meta's `hsm_id`: deletes that one template only. */
  templateId?: string;
}
