import { InvalidUpstreamArgumentError } from './errors';
import { requireText } from './graph-api-client-options';
import {
  TEMPLATE_FIELDS,
  TEMPLATE_SUMMARY_FIELDS,
  type DeleteTemplateOptions,
  type ListTemplatesOptions,
} from './template-wire-types';

/** Meta's own ceiling for one page of a Graph edge; a larger `limit` is silently cut by Meta anyway. */
const MAX_PAGE_LIMIT = 1000;

/** Graph node ids (business accounts, templates) go into the path: digits only, nothing else can be injected. */
export function graphIdSegment(name: string, value: string): string {
  if (typeof value !== 'string' || !/^\d{1,32}$/.test(value)) {
    throw new InvalidUpstreamArgumentError(name, "must be Meta's numeric id (digits only)");
  }
  return value;
}

/** The query of one page of `GET /{waba-id}/message_templates`. */
export function listTemplatesQuery(options: ListTemplatesOptions): URLSearchParams {
  const fields = options.fields ?? TEMPLATE_FIELDS;
  for (const field of fields) {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(field)) {
      throw new InvalidUpstreamArgumentError('fields', `${String(field)} is not a template field`);
    }
  }
  const query = new URLSearchParams({
    fields: fields.join(','),
    summary: TEMPLATE_SUMMARY_FIELDS.join(','),
  });
  if (options.limit !== undefined) {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > MAX_PAGE_LIMIT) {
      throw new InvalidUpstreamArgumentError('limit', `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`);
    }
    query.set('limit', String(options.limit));
  }
  if (options.after !== undefined) query.set('after', requireText('after', options.after, 2048));
  return query;
}

/** The query of `DELETE /{waba-id}/message_templates`: every language of a name, or one template. */
export function deleteTemplateQuery(options: DeleteTemplateOptions): URLSearchParams {
  const query = new URLSearchParams({ name: requireText('name', options.name, 512) });
  if (options.templateId !== undefined) query.set('hsm_id', graphIdSegment('templateId', options.templateId));
  return query;
}
