import { z } from 'zod';
import {
  type CreateTemplateResponse,
  type TemplateListSummary,
  type TemplatePage,
  type UnreadableTemplate,
  type WireQualityScore,
  type WireTemplate,
  type WireTemplateComponent,
} from './template-wire-types';
import { type WireSchema } from './wire-schemas';

/*
 * Checks of Meta's template answers. Unlike a send, a template is data the gateway keeps: one that Meta
 * describes in a way the client does not know (a new status, a new component kind, a field of another
 * type) is kept with a note in `unrecognised`, never refused, so that one odd template cannot stop a
 * sync of thousands. Only an entry without an id, a name or a language cannot be kept; the page
 * reports it in `unreadable` and goes on.
 */

const KNOWN = {
  status: new Set([
    'APPROVED',
    'IN_APPEAL',
    'PENDING',
    'REJECTED',
    'PENDING_DELETION',
    'DELETED',
    'DISABLED',
    'PAUSED',
    'LIMIT_EXCEEDED',
    'ARCHIVED',
  ]),
  category: new Set(['MARKETING', 'UTILITY', 'AUTHENTICATION', 'TRANSACTIONAL']),
  parameterFormat: new Set(['POSITIONAL', 'NAMED']),
  quality: new Set(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']),
  rejectedReason: new Set([
    'ABUSIVE_CONTENT',
    'INVALID_FORMAT',
    'NONE',
    'PROMOTIONAL',
    'TAG_CONTENT_MISMATCH',
    'SCAM',
    'INCORRECT_CATEGORY',
  ]),
  componentType: new Set(['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER']),
  headerFormat: new Set(['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION', 'PRODUCT']),
  buttonType: new Set([
    'QUICK_REPLY',
    'URL',
    'PHONE_NUMBER',
    'VOICE_CALL',
    'COPY_CODE',
    'OTP',
    'FLOW',
    'CATALOG',
    'MPM',
    'SPM',
    'APP',
    'CALL_PERMISSION_REQUEST',
    'REQUEST_CONTACT_INFO',
  ]),
} as const;

/** The value the gateway's enums map anything unreadable to. */
const UNKNOWN = 'UNKNOWN';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Graph ids are strings, but webhooks and some answers carry them as numbers. */
function readId(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** Notes what it could not read; each reader returns what it kept. */
class Notes {
  readonly list: string[] = [];

  /** A string of a known list: kept when it is a string (known or not), noted when unknown or not a string. */
  enumValue(field: string, value: unknown, known: ReadonlySet<string>): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.list.push(`${field}: not a string (dropped)`);
      return undefined;
    }
    if (!known.has(value)) this.list.push(`${field}: ${value} (unknown value)`);
    return value;
  }

  text(field: string, value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.list.push(`${field}: not a string (dropped)`);
    return undefined;
  }
}

function readQuality(value: unknown, notes: Notes): WireQualityScore | undefined {
  if (value === undefined || value === null) return undefined;
  // Older answers and some webhooks give the score alone.
  if (typeof value === 'string') {
    return { score: notes.enumValue('quality_score', value, KNOWN.quality) ?? UNKNOWN };
  }
  if (!isRecord(value)) {
    notes.list.push('quality_score: not an object (dropped)');
    return undefined;
  }
  const score = notes.enumValue('quality_score.score', value.score, KNOWN.quality) ?? UNKNOWN;
  return typeof value.date === 'number' ? { score, date: value.date } : { score };
}

function readComponents(value: unknown, notes: Notes): WireTemplateComponent[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    notes.list.push('components: not an array (dropped)');
    return [];
  }
  const kept: WireTemplateComponent[] = [];
  value.forEach((component: unknown, index) => {
    const at = `components[${index}]`;
    if (!isRecord(component) || typeof component.type !== 'string') {
      notes.list.push(`${at}: not a component with a type (dropped)`);
      return;
    }
    notes.enumValue(`${at}.type`, component.type, KNOWN.componentType);
    if (component.format !== undefined) notes.enumValue(`${at}.format`, component.format, KNOWN.headerFormat);
    if (Array.isArray(component.buttons)) {
      component.buttons.forEach((button: unknown, buttonIndex) => {
        const type = isRecord(button) ? button.type : undefined;
        notes.enumValue(`${at}.buttons[${buttonIndex}].type`, type ?? null, KNOWN.buttonType);
      });
    }
    // Kept whole: the component is Meta's definition, and its unknown parts are Meta's to define.
    kept.push(component as WireTemplateComponent);
  });
  return kept;
}

/** One template of an answer, or why it cannot be kept at all. */
export function readWireTemplate(value: unknown): WireTemplate | { reason: string } {
  if (!isRecord(value)) return { reason: 'not an object' };
  const id = readId(value.id);
  const name = nonEmpty(value.name);
  const language = nonEmpty(value.language);
  if (id === undefined) return { reason: 'no id' };
  if (name === undefined) return { reason: `template ${id}: no name` };
  if (language === undefined) return { reason: `template ${id}: no language` };
  const notes = new Notes();
  const template: WireTemplate = {
    id,
    name,
    language,
    status: notes.enumValue('status', value.status, KNOWN.status) ?? UNKNOWN,
    category: notes.enumValue('category', value.category, KNOWN.category) ?? UNKNOWN,
    components: readComponents(value.components, notes),
    unrecognised: notes.list,
  };
  const parameterFormat = notes.enumValue('parameter_format', value.parameter_format, KNOWN.parameterFormat);
  if (parameterFormat !== undefined) template.parameter_format = parameterFormat;
  const quality = readQuality(value.quality_score, notes);
  if (quality !== undefined) template.quality_score = quality;
  const rejected = notes.enumValue('rejected_reason', value.rejected_reason, KNOWN.rejectedReason);
  if (rejected !== undefined) template.rejected_reason = rejected;
  const previous = notes.enumValue('previous_category', value.previous_category, KNOWN.category);
  if (previous !== undefined) template.previous_category = previous;
  const correct = notes.enumValue('correct_category', value.correct_category, KNOWN.category);
  if (correct !== undefined) template.correct_category = correct;
  const subCategory = notes.text('sub_category', value.sub_category);
  if (subCategory !== undefined) template.sub_category = subCategory;
  return template;
}

/** A figure of the summary; one of another type is left out rather than failing the page. */
const figure = z.number().optional().catch(undefined);

const templatePageEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  paging: z
    .looseObject({
      cursors: z.looseObject({ after: z.string().optional() }).optional().catch(undefined),
      next: z.string().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  summary: z
    .looseObject({
      total_count: figure,
      message_template_count: figure,
      message_template_limit: figure,
      are_translations_complete: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

type PageEnvelope = z.infer<typeof templatePageEnvelope>;

/**
 * The cursor of the next page. Meta signals the last page by leaving out `paging.next` (its
 * `cursors.after` is still there), so only a page with `next` has one; a `next` without cursors
 * still carries `after` in its query.
 */
function nextCursor(paging: PageEnvelope['paging']): string | null {
  if (paging?.next === undefined) return null;
  const fromCursors = paging.cursors?.after;
  if (fromCursors !== undefined && fromCursors.length > 0) return fromCursors;
  return URL.canParse(paging.next) ? new URL(paging.next).searchParams.get('after') : null;
}

function toSummary(summary: PageEnvelope['summary']): TemplateListSummary | null {
  if (summary === undefined) return null;
  const result: TemplateListSummary = {};
  if (summary.total_count !== undefined) result.totalCount = summary.total_count;
  if (summary.message_template_count !== undefined)
    result.messageTemplateCount = summary.message_template_count;
  if (summary.message_template_limit !== undefined)
    result.messageTemplateLimit = summary.message_template_limit;
  if (summary.are_translations_complete !== undefined)
    result.areTranslationsComplete = summary.are_translations_complete;
  return result;
}

function toPage(envelope: PageEnvelope): TemplatePage {
  const templates: WireTemplate[] = [];
  const unreadable: UnreadableTemplate[] = [];
  envelope.data.forEach((entry, index) => {
    const read = readWireTemplate(entry);
    if ('reason' in read) unreadable.push({ index, reason: read.reason });
    else templates.push(read);
  });
  return { templates, after: nextCursor(envelope.paging), summary: toSummary(envelope.summary), unreadable };
}

/** A page: only `data` must be an array; paging and summary are read as far as they can be. */
export const templatePageSchema: WireSchema<TemplatePage> = templatePageEnvelope.transform(toPage);

/** One template (`GET /{template-id}`): refused only when it has no id, name or language. */
export const templateSchema: WireSchema<WireTemplate> = {
  safeParse(value) {
    const read = readWireTemplate(value);
    return 'reason' in read ? { success: false } : { success: true, data: read };
  },
};

const openValue = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => value ?? UNKNOWN);

export const createTemplateResponseSchema: WireSchema<CreateTemplateResponse> = z
  .looseObject({
    id: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
    status: openValue,
    category: openValue,
  })
  .transform(({ id, status, category }) => ({ id, status, category }));

export const deleteTemplateResponseSchema: WireSchema<{ success: boolean }> = z.looseObject({
  success: z.boolean(),
});
