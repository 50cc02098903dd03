/*
 * Meta's message-template wire format as the simulator writes it (its own copy, on purpose: see
 * simulator.md). Graph API answers of `/{waba-id}/message_templates` and `/{template-id}`, and the
 * values of the four template webhook fields.
 */

export type WireTemplateStatus =
  | 'APPROVED'
  | 'IN_APPEAL'
  | 'PENDING'
  | 'REJECTED'
  | 'PENDING_DELETION'
  | 'DELETED'
  | 'DISABLED'
  | 'PAUSED'
  | 'LIMIT_EXCEEDED'
  | 'ARCHIVED';

export type WireTemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export type WireTemplateQuality = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

export type WireHeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

export interface WireNamedParamExample {
  param_name: string;
  example: string;
}

export interface WireTemplateButton {
  type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP';
  text?: string;
  url?: string;
  phone_number?: string;
  otp_type?: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';
  example?: string[] | string;
}

export type WireTemplateComponent =
  | {
      type: 'HEADER';
      format: WireHeaderFormat;
      text?: string;
      example?: {
        header_text?: string[];
        header_text_named_params?: WireNamedParamExample[];
        header_handle?: string[];
      };
    }
  | {
      type: 'BODY';
      text: string;
      add_security_recommendation?: boolean;
      example?: { body_text?: string[][]; body_text_named_params?: WireNamedParamExample[] };
    }
  | { type: 'FOOTER'; text?: string; code_expiration_minutes?: number }
  | { type: 'BUTTONS'; buttons: WireTemplateButton[] };

export interface WireTemplate {
  id: string;
  name: string;
  language: string;
  status: WireTemplateStatus;
  category: WireTemplateCategory;
  parameter_format: 'POSITIONAL' | 'NAMED';
  components: WireTemplateComponent[];
  quality_score: { score: WireTemplateQuality; date: number };
  rejected_reason?: string;
  previous_category?: WireTemplateCategory;
  correct_category?: WireTemplateCategory;
  sub_category?: string;
}

export type WireTemplateField = keyof WireTemplate;

export interface WireTemplateListResponse {
  data: Partial<WireTemplate>[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
  summary?: {
    total_count?: number;
    message_template_count?: number;
    message_template_limit?: number;
    are_translations_complete?: boolean;
  };
}

/** `message_template_status_update`: the id is a number here, unlike in the Graph API. */
export interface WireTemplateStatusValue {
  event: WireTemplateStatus | 'FLAGGED' | 'REINSTATED';
  message_template_id: number;
  message_template_name: string;
  message_template_language: string;
  reason: string | null;
  message_template_category?: WireTemplateCategory;
  rejection_info?: { reason: string; recommendation: string };
  disable_info?: { disable_date: number };
  other_info?: { title: string; description: string };
}

export interface WireTemplateCategoryValue {
  message_template_id: number;
  message_template_name: string;
  message_template_language: string;
  previous_category: WireTemplateCategory;
  new_category: WireTemplateCategory;
  correct_category?: WireTemplateCategory;
}

export interface WireTemplateQualityValue {
  previous_quality_score: WireTemplateQuality;
  new_quality_score: WireTemplateQuality;
  message_template_id: number;
  message_template_name: string;
  message_template_language: string;
}

export interface WireTemplateComponentsValue {
  message_template_id: number;
  message_template_name: string;
  message_template_language: string;
  message_template_element: string;
  message_template_title?: string;
  message_template_footer?: string;
  message_template_buttons?: {
    message_template_button_type: string;
    message_template_button_text: string;
    message_template_button_url?: string;
    message_template_button_phone_number?: string;
  }[];
}
