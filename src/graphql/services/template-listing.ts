import { isSendable, type TemplateRecord } from '../../templates';
import { badInput } from '../gateway-error';
import { type TemplateFilter } from '../inputs/template-filter.input';

/** The place of a template in a listing: business account, name, language, then id (unique). */
type SortKey = [string, string, string, string];

const sortKeyOf = (t: TemplateRecord): SortKey => [t.businessAccountId, t.name, t.language, t.id];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

/** A cursor is the sort key of the template it follows, so it stays valid while the catalogue changes. */
export function templateCursor(template: TemplateRecord): string {
  return Buffer.from(JSON.stringify(sortKeyOf(template)), 'utf8').toString('base64url');
}

function sortKeyFromCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 4 && key.every((part) => typeof part === 'string'))
      return key as SortKey;
  } catch {
    // Answered below, as any other cursor that is not one of ours.
  }
  throw badInput('after', `"${cursor}" is not a template cursor.`);
}

export function matchesFilter(template: TemplateRecord, filter: TemplateFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.status?.length && !filter.status.includes(template.status)) return false;
  if (filter.category?.length && !filter.category.includes(template.category)) return false;
  if (filter.name != null && template.name !== filter.name) return false;
  if (filter.language != null && template.language !== filter.language) return false;
  if (filter.businessAccountId != null && template.businessAccountId !== filter.businessAccountId)
    return false;
  if (filter.sendable != null && isSendable(template) !== filter.sendable) return false;
  return true;
}

export interface TemplatePageOfRecords {
  records: TemplateRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

/** One page of `templates` (already filtered), in sort order, starting right after `after`. */
export function pageOfTemplates(
  templates: readonly TemplateRecord[],
  first: number,
  after: string | null,
): TemplatePageOfRecords {
  const sorted = [...templates].sort((a, b) => compareKeys(sortKeyOf(a), sortKeyOf(b)));
  const start =
    after === null
      ? 0
      : (() => {
          const key = sortKeyFromCursor(after);
          const index = sorted.findIndex((t) => compareKeys(sortKeyOf(t), key) > 0);
          return index === -1 ? sorted.length : index;
        })();
  const records = sorted.slice(start, start + first);
  return { records, totalCount: sorted.length, hasNextPage: start + first < sorted.length };
}
