import type {
  WireTemplate,
  WireTemplateCategory,
  WireTemplateCategoryValue,
  WireTemplateComponentsValue,
  WireTemplateQuality,
  WireTemplateQualityValue,
  WireTemplateStatusValue,
} from './template-wire-types';
import type { WireAccountWebhookPayload } from './wire-types';

/*
 * The four template webhook fields, in Meta's shapes (webhooks reference; the fixtures pywa keeps):
 * the template id is a number there, and each value names the template by id, name and language.
 */

export type TemplateWebhookField =
  | 'message_template_status_update'
  | 'template_category_update'
  | 'message_template_quality_update'
  | 'message_template_components_update';

type TemplateWebhookValue =
  | WireTemplateStatusValue
  | WireTemplateCategoryValue
  | WireTemplateQualityValue
  | WireTemplateComponentsValue;

/** Meta's envelope around one template change of the account `wabaId`. */
export function buildTemplateWebhook(
  wabaId: string,
  field: TemplateWebhookField,
  value: TemplateWebhookValue,
): WireAccountWebhookPayload {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        time: Math.floor(Date.now() / 1000),
        changes: [{ field, value: value as unknown as Record<string, unknown> }],
      },
    ],
  };
}

const naming = (template: WireTemplate) => ({
  message_template_id: Number(template.id),
  message_template_name: template.name,
  message_template_language: template.language,
});

/** Meta's explanation of a rejection, sent with INVALID_FORMAT (the only one the simulator gives). */
const INVALID_FORMAT_INFO = {
  reason:
    'Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them.',
  recommendation:
    'Separate parameters with descriptive text and ensure each parameter is clearly contextualized.',
};

/** The status event of the template as it now is: `reason` is `NONE` unless rejected, paused or disabled. */
export function statusUpdateValue(template: WireTemplate): WireTemplateStatusValue {
  const value: WireTemplateStatusValue = {
    event: template.status,
    ...naming(template),
    reason: template.status === 'REJECTED' ? (template.rejected_reason ?? 'INVALID_FORMAT') : 'NONE',
    message_template_category: template.category,
  };
  if (template.status === 'REJECTED' && value.reason === 'INVALID_FORMAT')
    value.rejection_info = INVALID_FORMAT_INFO;
  if (template.status === 'DISABLED') value.disable_info = { disable_date: Math.floor(Date.now() / 1000) };
  if (template.status === 'PAUSED') {
    value.other_info = {
      title: 'FIRST_PAUSE',
      description: `Your ${template.name} template has been paused for 3 hours because of its low quality.`,
    };
  }
  return value;
}

export function categoryUpdateValue(
  template: WireTemplate,
  previous: WireTemplateCategory,
  correct?: WireTemplateCategory,
): WireTemplateCategoryValue {
  return {
    ...naming(template),
    previous_category: previous,
    new_category: template.category,
    ...(correct !== undefined && { correct_category: correct }),
  };
}

export function qualityUpdateValue(
  template: WireTemplate,
  previous: WireTemplateQuality,
): WireTemplateQualityValue {
  return {
    previous_quality_score: previous,
    new_quality_score: template.quality_score.score,
    ...naming(template),
  };
}

/** What the template now reads: title (a text header), body, footer and buttons. */
export function componentsUpdateValue(template: WireTemplate): WireTemplateComponentsValue {
  const value: WireTemplateComponentsValue = { ...naming(template), message_template_element: '' };
  for (const component of template.components) {
    if (component.type === 'BODY') value.message_template_element = component.text;
    if (component.type === 'HEADER' && component.text !== undefined)
      value.message_template_title = component.text;
    if (component.type === 'FOOTER' && component.text !== undefined)
      value.message_template_footer = component.text;
    if (component.type === 'BUTTONS') {
      value.message_template_buttons = component.buttons.map((button) => ({
        message_template_button_type: button.type,
        message_template_button_text: button.text ?? '',
        ...(button.url !== undefined && { message_template_button_url: button.url }),
        ...(button.phone_number !== undefined && {
          message_template_button_phone_number: button.phone_number,
        }),
      }));
    }
  }
  return value;
}
