import { type Logger } from '../observability';
import { type EpochMillis } from '../store-kit';
import { type TemplateCatalogueStore } from './catalogue-store';
import { templateFromDefinition } from './template-from-definition';
import { type TemplateDefinition, type TemplateRecord } from './template-record';

/** One page of an account's templates, as Meta's `GET /{waba-id}/message_templates` gives them. */
export interface TemplatePage {
  templates: TemplateDefinition[];
  /** The cursor of the next page; `null` on the last. */
  after: string | null;
  /** `summary.message_template_limit`, when Meta gave it: how many templates the account may have. */
  limit?: number;
}

/** Where the templates come from: the Graph API (or the simulator), through the upstream client. */
export interface TemplateSource {
  listPage(businessAccountId: string, after: string | null): Promise<TemplatePage>;
}

export interface TemplateSyncResult {
  /** Templates now in the catalogue; 0 when the sync failed (the previous catalogue stays). */
  synced: number;
  removed: number;
  finishedAt: EpochMillis;
  limit?: number;
  /** Why the sync failed; the previous catalogue was kept. */
  error?: string;
}

export interface TemplateSyncDependencies {
  source: TemplateSource;
  store: TemplateCatalogueStore;
  logger: Logger;
  now: () => EpochMillis;
}

/** More pages than any account can fill (6,000 templates at Meta's smallest page): a cursor that loops. */
const MAX_PAGES = 10_000;

/**
 * Reads every page of the account's templates, then replaces its catalogue in one write. A page that
 * fails leaves the previous catalogue as it was, and the result says so. What only the webhooks know
 * (a pause's window, the pause count) is carried over from the previous records.
 */
export async function syncTemplates(
  businessAccountId: string,
  dependencies: TemplateSyncDependencies,
): Promise<TemplateSyncResult> {
  const { source, store, logger, now } = dependencies;
  let pages = 0;
  try {
    const definitions: TemplateDefinition[] = [];
    let after: string | null = null;
    let limit: number | undefined;
    do {
      const page: TemplatePage = await source.listPage(businessAccountId, after);
      definitions.push(...page.templates);
      limit = page.limit ?? limit;
      if (page.after !== null && page.after === after) throw new Error(`page cursor ${after} repeats`);
      after = page.after;
      pages += 1;
      if (pages > MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages`);
    } while (after !== null);

    const syncedAt = now();
    const previous = new Map(
      (await store.readAccount(businessAccountId)).templates.map((record) => [record.id, record]),
    );
    const records = new Map<string, TemplateRecord>();
    for (const definition of definitions) {
      records.set(
        definition.id,
        templateFromDefinition(businessAccountId, definition, syncedAt, previous.get(definition.id)),
      );
    }
    const { removed } = await store.replaceAccount(businessAccountId, [...records.values()]);
    return { synced: records.size, removed, finishedAt: now(), ...(limit === undefined ? {} : { limit }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(
      { err: error, businessAccountId, pagesRead: pages },
      'The template sync failed; the previous catalogue is kept.',
    );
    return { synced: 0, removed: 0, finishedAt: now(), error: message };
  }
}
