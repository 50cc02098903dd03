import { buildGraphError, type GraphErrorSpec } from './graph-error';
import type { HandlerResult } from './http-io';
import type { TemplateCatalogue, TemplateFilter } from './template-catalogue';
import { TEMPLATE_LIMIT } from './template-library';
import type { WireTemplate, WireTemplateField, WireTemplateListResponse } from './template-wire-types';

/*
 * `GET /{version}/{waba-id}/message_templates` and `GET /{version}/{template-id}`, answered as Meta
 * does: only the fields asked for (and `id`), cursor paging, the summary figures asked for.
 */

/** Meta's page size when `limit` is left out. */
export const DEFAULT_PAGE_LIMIT = 25;
const MAX_PAGE_LIMIT = 1000;

const TEMPLATE_FIELDS: ReadonlySet<string> = new Set<WireTemplateField>([
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
]);

/** What Meta answers without `fields`. */
const DEFAULT_FIELDS: readonly WireTemplateField[] = [
  'name',
  'parameter_format',
  'components',
  'language',
  'status',
  'category',
  'id',
];

const SUMMARY_FIELDS = new Set([
  'total_count',
  'message_template_count',
  'message_template_limit',
  'are_translations_complete',
]);

const errorResult = (spec: GraphErrorSpec): HandlerResult => {
  const error = buildGraphError(spec);
  return { status: error.httpStatus, body: error.body };
};

const list = (value: string | null): string[] | undefined =>
  value === null || value === '' ? undefined : value.split(',').map((item) => item.trim());

/** The fields asked for, or why the request is refused (Meta: code 100, "nonexisting field"). */
function readFields(query: URLSearchParams | undefined): WireTemplateField[] | { error: string } {
  const asked = list(query?.get('fields') ?? null);
  if (asked === undefined) return [...DEFAULT_FIELDS];
  const unknown = asked.find((field) => !TEMPLATE_FIELDS.has(field));
  if (unknown !== undefined) {
    return {
      error: `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessHSM)`,
    };
  }
  return asked as WireTemplateField[];
}

/** A template with only the asked fields; `id` always, as Meta does. */
export function projectTemplate(
  template: WireTemplate,
  fields: readonly WireTemplateField[],
): Partial<WireTemplate> {
  const projected: Record<string, unknown> = {};
  for (const field of fields) if (template[field] !== undefined) projected[field] = template[field];
  projected.id = template.id;
  return projected as Partial<WireTemplate>;
}

/** Cursors are opaque to callers, as Meta's are; here the base64 of the template id at the page's edge. */
const encodeCursor = (id: string): string => Buffer.from(`tpl:${id}`).toString('base64url');

function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^tpl:\d+$/.test(decoded) ? decoded.slice(4) : undefined;
}

/** The templates after the cursor's id: ids only grow, so a deleted edge template still pages right. */
const afterId = (templates: readonly WireTemplate[], id: string): WireTemplate[] =>
  templates.filter((template) => BigInt(template.id) > BigInt(id));

export function listTemplates(
  catalogue: TemplateCatalogue,
  query: URLSearchParams | undefined,
  pageUrl: string,
): HandlerResult {
  const fields = readFields(query);
  if ('error' in fields) return errorResult({ code: 100, message: fields.error });
  const rawLimit = query?.get('limit');
  const limit = rawLimit === null || rawLimit === undefined ? DEFAULT_PAGE_LIMIT : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    return errorResult({ code: 100, details: `Param limit must be a number from 1 to ${MAX_PAGE_LIMIT}.` });
  }
  const filter: TemplateFilter = {
    ...(query?.get('name') ? { name: query.get('name')! } : {}),
    ...optionalList('status', query),
    ...optionalList('category', query),
    ...optionalList('language', query),
    ...(list(query?.get('quality_score') ?? null) === undefined
      ? {}
      : { quality: list(query!.get('quality_score'))! }),
  };
  const matching = catalogue.list(filter);
  const after = query?.get('after');
  let rest = matching;
  if (after !== null && after !== undefined) {
    const id = decodeCursor(after);
    if (id === undefined) return errorResult({ code: 100, details: 'Param after is not a valid cursor.' });
    rest = afterId(matching, id);
  }
  const page = rest.slice(0, limit);
  const body: WireTemplateListResponse = { data: page.map((template) => projectTemplate(template, fields)) };
  if (page.length > 0) {
    body.paging = {
      cursors: { before: encodeCursor(page[0]!.id), after: encodeCursor(page.at(-1)!.id) },
    };
    // As at Meta, only a page with more after it has `next`.
    if (rest.length > page.length) {
      const next = new URL(pageUrl);
      next.searchParams.set('after', body.paging.cursors.after);
      next.searchParams.set('limit', String(limit));
      next.searchParams.delete('access_token');
      body.paging.next = next.toString();
    }
  }
  const summary = summaryOf(catalogue, matching.length, list(query?.get('summary') ?? null));
  if (summary !== undefined) body.summary = summary;
  return { status: 200, body };
}

function optionalList(
  name: 'status' | 'category' | 'language',
  query: URLSearchParams | undefined,
): Partial<TemplateFilter> {
  const values = list(query?.get(name) ?? null);
  return values === undefined ? {} : { [name]: values };
}

function summaryOf(
  catalogue: TemplateCatalogue,
  matching: number,
  asked: readonly string[] | undefined,
): WireTemplateListResponse['summary'] {
  if (asked === undefined) return undefined;
  const summary: NonNullable<WireTemplateListResponse['summary']> = {};
  for (const field of asked) {
    if (!SUMMARY_FIELDS.has(field)) continue;
    if (field === 'total_count') summary.total_count = matching;
    if (field === 'message_template_count') summary.message_template_count = catalogue.size;
    if (field === 'message_template_limit') summary.message_template_limit = TEMPLATE_LIMIT;
    // Every name the simulator keeps is complete in the languages it has.
    if (field === 'are_translations_complete') summary.are_translations_complete = true;
  }
  return summary;
}

export function getTemplate(template: WireTemplate, query: URLSearchParams | undefined): HandlerResult {
  const fields = readFields(query);
  if ('error' in fields) return errorResult({ code: 100, message: fields.error });
  return { status: 200, body: projectTemplate(template, fields) };
}
