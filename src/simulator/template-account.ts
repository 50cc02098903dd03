import { z } from 'zod';
import { buildGraphError, type GraphErrorSpec } from './graph-error';
import type { HandlerResult } from './http-io';
import { serializeMetaJson } from './meta-json';
import type { TemplateCatalogue } from './template-catalogue';
import { TEMPLATE_LIMIT } from './template-library';
import {
  buildTemplateWebhook,
  categoryUpdateValue,
  componentsUpdateValue,
  qualityUpdateValue,
  statusUpdateValue,
  type TemplateWebhookField,
} from './template-webhooks';
import type { WireTemplate, WireTemplateCategory, WireTemplateComponent } from './template-wire-types';
import type { WebhookDispatcher } from './webhook-dispatcher';

/**
 * The simulator's control endpoint for template changes (not Meta's API): changes a template as
 * Meta's review or quality rating would, and posts the webhook Meta would post.
 */
export const TEMPLATE_EVENT_PATH = '/simulator/template-events';

/** Names starting with this are rejected (INVALID_FORMAT) by the simulated review, the rest approved. */
export const REJECTED_NAME_PREFIX = 'rejected_';

const statuses = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'ARCHIVED'] as const;
const categories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const qualities = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;
const which = { name: z.string().min(1), language: z.string().min(1) };

export const templateEventSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('status'), ...which, status: z.enum(statuses), reason: z.string().optional() }),
  z.object({
    field: z.literal('category'),
    ...which,
    category: z.enum(categories),
    correctCategory: z.enum(categories).optional(),
  }),
  z.object({ field: z.literal('quality'), ...which, quality: z.enum(qualities) }),
  z.object({ field: z.literal('components'), ...which, body: z.string().min(1).max(1024) }),
]);

/** One template change to apply and announce; see {@link TEMPLATE_EVENT_PATH}. */
export type TemplateEvent = z.input<typeof templateEventSchema>;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const errorResult = (spec: GraphErrorSpec): HandlerResult => {
  const error = buildGraphError(spec);
  return { status: error.httpStatus, body: error.body };
};

const NAME = /^[a-z0-9_]{1,512}$/;

export interface TemplateAccountOptions {
  wabaId: string;
  catalogue: TemplateCatalogue;
  dispatcher: WebhookDispatcher;
  /** How long the simulated review of a created template takes. */
  reviewDelayMs: number;
}

/** The business account's template management: create, delete, review, and the changes' webhooks. */
export class TemplateAccount {
  private readonly reviews = new Set<NodeJS.Timeout>();

  constructor(private readonly options: TemplateAccountOptions) {}

  get catalogue(): TemplateCatalogue {
    return this.options.catalogue;
  }

  /** `POST /{waba-id}/message_templates`: PENDING at once, reviewed after `reviewDelayMs`. */
  create(body: unknown): HandlerResult {
    const checked = readCreateBody(body);
    if ('code' in checked) return errorResult(checked);
    const { catalogue } = this.options;
    if (catalogue.find(checked.name, checked.language) !== undefined) {
      return errorResult({
        code: 100,
        subcode: 2388024,
        userTitle: 'Content in this language already exists',
        userMessage: `The template ${checked.name} already has content in ${checked.language}. Edit it, or use another name.`,
      });
    }
    if (catalogue.size >= TEMPLATE_LIMIT) {
      return errorResult({
        code: 100,
        subcode: 2388019,
        userTitle: 'Message Template Count Limit Exceeded',
        userMessage: `The account has reached its limit of ${TEMPLATE_LIMIT} message templates.`,
      });
    }
    const template = catalogue.create({
      ...checked,
      status: 'PENDING',
      quality_score: { score: 'UNKNOWN', date: Math.floor(Date.now() / 1000) },
    });
    this.scheduleReview(template);
    return { status: 200, body: { id: template.id, status: template.status, category: template.category } };
  }

  /** `DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]`: every language of the name, or one. */
  delete(query: URLSearchParams | undefined): HandlerResult {
    const name = query?.get('name');
    if (name === null || name === undefined || name === '') {
      return errorResult({ code: 100, details: 'The parameter name is required.' });
    }
    const hsmId = query?.get('hsm_id') ?? undefined;
    const doomed = this.options.catalogue
      .named(name)
      .filter((template) => hsmId === undefined || template.id === hsmId);
    if (doomed.length === 0) {
      return errorResult({ code: 100, details: `Message template ${name} was not found.` });
    }
    for (const template of doomed) {
      this.options.catalogue.remove(template);
      this.post('message_template_status_update', statusUpdateValue({ ...template, status: 'DELETED' }));
    }
    return { status: 200, body: { success: true } };
  }

  /** Applies a control-endpoint change and posts its webhook (when a webhook URL is set). */
  applyEvent(json: unknown): HandlerResult {
    const parsed = templateEventSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
      );
      return {
        status: 400,
        body: { error: `${issues.join('; ')}. Give field, name, language and the change.` },
      };
    }
    const event = parsed.data;
    const template = this.options.catalogue.find(event.name, event.language);
    if (template === undefined) {
      return { status: 404, body: { error: `no template ${event.name} in ${event.language}` } };
    }
    switch (event.field) {
      case 'status':
        template.status = event.status;
        if (event.status === 'REJECTED') template.rejected_reason = event.reason ?? 'INVALID_FORMAT';
        this.post('message_template_status_update', statusUpdateValue(template));
        break;
      case 'category': {
        const previous = template.category;
        template.previous_category = previous;
        template.category = event.category;
        if (event.correctCategory !== undefined) template.correct_category = event.correctCategory;
        this.post('template_category_update', categoryUpdateValue(template, previous, event.correctCategory));
        break;
      }
      case 'quality': {
        const previous = template.quality_score.score;
        template.quality_score = { score: event.quality, date: Math.floor(Date.now() / 1000) };
        this.post('message_template_quality_update', qualityUpdateValue(template, previous));
        break;
      }
      case 'components':
        template.components = template.components.map((component) =>
          component.type === 'BODY' ? { type: 'BODY', text: event.body } : component,
        );
        this.post('message_template_components_update', componentsUpdateValue(template));
        break;
    }
    return {
      status: 200,
      body: { id: template.id, webhook: this.options.dispatcher.url === undefined ? 'none' : 'posted' },
    };
  }

  /** Drops the reviews still to come. */
  close(): void {
    for (const timer of this.reviews) clearTimeout(timer);
    this.reviews.clear();
  }

  private scheduleReview(template: WireTemplate): void {
    const timer = setTimeout(() => {
      this.reviews.delete(timer);
      // Deleted meanwhile: nothing to review.
      if (this.options.catalogue.get(template.id) !== template) return;
      if (template.name.startsWith(REJECTED_NAME_PREFIX)) {
        template.status = 'REJECTED';
        template.rejected_reason = 'INVALID_FORMAT';
      } else {
        template.status = 'APPROVED';
      }
      this.post('message_template_status_update', statusUpdateValue(template));
    }, this.options.reviewDelayMs);
    this.reviews.add(timer);
  }

  private post(field: TemplateWebhookField, value: Parameters<typeof buildTemplateWebhook>[2]): void {
    this.options.dispatcher.enqueue([
      serializeMetaJson(buildTemplateWebhook(this.options.wabaId, field, value)),
    ]);
  }
}

type CreateFields = Pick<WireTemplate, 'name' | 'language' | 'category' | 'parameter_format' | 'components'>;

/** The create body as Meta checks it: each refusal is code 100 naming the parameter. */
function readCreateBody(body: unknown): CreateFields | GraphErrorSpec {
  const refuse = (details: string): GraphErrorSpec => ({ code: 100, details });
  if (!isRecord(body)) return refuse('The request body must be a JSON object.');
  if (typeof body.name !== 'string' || body.name === '') return refuse('The parameter name is required.');
  if (!NAME.test(body.name)) {
    return refuse('Param name may contain only lowercase letters, digits and underscores.');
  }
  if (typeof body.language !== 'string' || body.language === '') {
    return refuse('The parameter language is required.');
  }
  if (typeof body.category !== 'string' || !(categories as readonly string[]).includes(body.category)) {
    return refuse(`Param category must be one of {${categories.join(', ')}}.`);
  }
  const format = body.parameter_format ?? 'POSITIONAL';
  if (format !== 'POSITIONAL' && format !== 'NAMED') {
    return refuse('Param parameter_format must be one of {POSITIONAL, NAMED}.');
  }
  const components = body.components;
  if (!Array.isArray(components) || !components.every((c) => isRecord(c) && typeof c.type === 'string')) {
    return refuse('The parameter components is required.');
  }
  const bodyComponent = components.find((c: Json) => c.type === 'BODY');
  if (bodyComponent === undefined || typeof bodyComponent.text !== 'string') {
    return refuse("Param components must include a BODY component with its 'text'.");
  }
  return {
    name: body.name,
    language: body.language,
    category: body.category as WireTemplateCategory,
    parameter_format: format,
    // Kept as sent: the simulator reads only the component kinds it knows.
    components: components as WireTemplateComponent[],
  };
}
