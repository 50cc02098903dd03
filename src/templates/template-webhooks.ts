import { type EpochMillis } from '../store-kit';
import { idOf, type JsonObject, objectOf, stringOf } from './meta-json';
import { applyStatusEvent } from './pause-rules';
import {
  TemplateCategory,
  templateCategoryOf,
  templateQualityOf,
  type TemplateRecord,
} from './template-record';

/** Meta's four webhook fields about templates. */
export enum TemplateWebhookField {
  STATUS = 'message_template_status_update',
  CATEGORY = 'template_category_update',
  QUALITY = 'message_template_quality_update',
  COMPONENTS = 'message_template_components_update',
}

const FIELDS: ReadonlySet<string> = new Set(Object.values(TemplateWebhookField));

export function isTemplateWebhookField(field: string): field is TemplateWebhookField {
  return FIELDS.has(field);
}

/** Which template a template webhook is about, so that the caller can find its record. */
export interface TemplateWebhookTarget {
  templateId: string;
  name?: string;
  language?: string;
}

/** The template a webhook's `value` names; `undefined` when it names none (`message_template_id` missing). */
export function templateWebhookTarget(value: unknown): TemplateWebhookTarget | undefined {
  const object = objectOf(value);
  const templateId = idOf(object?.message_template_id);
  if (templateId === undefined) return undefined;
  const name = stringOf(object?.message_template_name);
  const language = stringOf(object?.message_template_language);
  return {
    templateId,
    ...(name === undefined ? {} : { name }),
    ...(language === undefined ? {} : { language }),
  };
}

/**
 * What a template webhook means for the cached record:
 * - `CHANGED`: store this record;
 * - `REFETCH`: the template's content changed (components are not in the webhook): read it from Meta;
 * - `UNCHANGED`: nothing to store (old, repeated, not about this record, or unreadable); the webhook is
 *   still kept as an account event by the caller, and `reason` says why the cache ignored it.
 */
export type TemplateWebhookOutcome =
  | { outcome: 'CHANGED'; template: TemplateRecord }
  | { outcome: 'REFETCH'; templateId: string }
  | { outcome: 'UNCHANGED'; reason: string };

const unchanged = (reason: string): TemplateWebhookOutcome => ({ outcome: 'UNCHANGED', reason });

/** Applies one template webhook change that happened `at` (the entry's time) to the record it names. */
export function applyTemplateWebhook(
  record: TemplateRecord,
  field: string,
  value: unknown,
  at: EpochMillis,
): TemplateWebhookOutcome {
  const object = objectOf(value);
  if (object === undefined) return unchanged('the value is not an object');
  const target = templateWebhookTarget(object);
  if (target === undefined) return unchanged('the value names no template (message_template_id)');
  if (target.templateId !== record.id) return unchanged(`the value is about template ${target.templateId}`);
  switch (field) {
    case TemplateWebhookField.STATUS:
      return statusChange(record, object, at);
    case TemplateWebhookField.CATEGORY:
      return categoryChange(record, object);
    case TemplateWebhookField.QUALITY:
      return qualityChange(record, object);
    case TemplateWebhookField.COMPONENTS:
      return { outcome: 'REFETCH', templateId: record.id };
    default:
      return unchanged(`${field} is not a template webhook`);
  }
}

function statusChange(record: TemplateRecord, value: JsonObject, at: EpochMillis): TemplateWebhookOutcome {
  const event = stringOf(value.event);
  if (event === undefined || event === '') return unchanged('the status update has no event');
  const disableDate = unixSecondsOf(objectOf(value.disable_info)?.disable_date);
  const next = applyStatusEvent(
    record,
    {
      event,
      reason: stringOf(value.reason) ?? null,
      ...(disableDate === undefined ? {} : { disableDate }),
    },
    at,
  );
  return next === undefined
    ? unchanged(`${event} changes nothing (older, repeated, or not a status)`)
    : { outcome: 'CHANGED', template: next };
}

function categoryChange(record: TemplateRecord, value: JsonObject): TemplateWebhookOutcome {
  if (stringOf(value.new_category) === undefined) return unchanged('the category update has no new_category');
  const category = templateCategoryOf(value.new_category);
  const next: TemplateRecord = { ...record, category };
  delete next.pendingCategory;
  const correct = stringOf(value.correct_category);
  // `correct_category`: Meta will recategorise it to this within 24 h.
  if (correct !== undefined) {
    const pending = templateCategoryOf(correct);
    if (pending !== category && pending !== TemplateCategory.UNKNOWN) next.pendingCategory = pending;
  }
  return { outcome: 'CHANGED', template: next };
}

function qualityChange(record: TemplateRecord, value: JsonObject): TemplateWebhookOutcome {
  if (stringOf(value.new_quality_score) === undefined)
    return unchanged('the quality update has no new_quality_score');
  const quality = templateQualityOf(value.new_quality_score);
  return quality === record.quality
    ? unchanged(`the quality is already ${quality}`)
    : { outcome: 'CHANGED', template: { ...record, quality } };
}

/** Meta's dates in webhooks are Unix seconds, as numbers or numeric strings. */
function unixSecondsOf(value: unknown): EpochMillis | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
