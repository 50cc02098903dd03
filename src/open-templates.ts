import { type Logger } from './observability';
import {
  startTemplateSyncTimer,
  syncTemplates,
  systemScheduler,
  TemplateCatalogueCache,
  type TemplateCatalogueStore,
  type TemplateDefinition,
  type TemplatePage,
  type TemplateReader,
  type TemplateSource,
  type TemplateSyncResult,
  TemplateWebhookFollower,
} from './templates';
import { type GraphApiClient, type WireTemplate } from './upstream';

/** The catalogue as the gateway runs it: the local copy, the sync, the webhook follower and the timer. */
export interface RunningTemplateCatalogue {
  cache: TemplateCatalogueCache;
  /** The shared catalogue, for the writes the admin mutations make. */
  store: TemplateCatalogueStore;
  follower: TemplateWebhookFollower;
  /** The account the gateway serves; `null` when none is configured (nothing is synced then). */
  businessAccountId: string | null;
  sync(businessAccountId: string): Promise<TemplateSyncResult>;
  /** The first sync, started at open: awaited by nothing but a caller that wants its outcome. */
  firstSync: Promise<TemplateSyncResult | null>;
  close(): void;
}

export interface TemplateCatalogueOptions {
  store: TemplateCatalogueStore;
  upstream: Pick<GraphApiClient, 'listTemplates' | 'getTemplate'>;
  businessAccountId: string | null;
  intervalSeconds: number;
  logger: Logger;
  clock: () => number;
  /** Registers what to do once the store's subscriber connection is back after losing Redis. */
  onStoreReconnect?: (listener: () => void) => void;
}

/** Meta's template on the wire, in the domain's plain names. */
export function templateDefinitionOf(wire: WireTemplate): TemplateDefinition {
  return {
    id: wire.id,
    name: wire.name,
    language: wire.language,
    status: wire.status,
    category: wire.category,
    parameterFormat: wire.parameter_format ?? null,
    qualityScore: wire.quality_score?.score ?? null,
    rejectedReason: wire.rejected_reason ?? null,
    components: wire.components,
  };
}

/** The templates domain's source and reader ports, answered by the Graph API client. */
export function upstreamTemplateSource(
  upstream: Pick<GraphApiClient, 'listTemplates' | 'getTemplate'>,
): TemplateSource & TemplateReader {
  return {
    async listPage(businessAccountId, after): Promise<TemplatePage> {
      const page = await upstream.listTemplates(businessAccountId, after === null ? {} : { after });
      const limit = page.summary?.messageTemplateLimit;
      return {
        templates: page.templates.map(templateDefinitionOf),
        after: page.after,
        ...(limit === undefined ? {} : { limit }),
      };
    },
    async readTemplate(templateId) {
      return templateDefinitionOf(await upstream.getTemplate(templateId));
    },
  };
}

/**
 * Opens the local cache (listening before it reads, so that nothing falls between), starts the first
 * sync without waiting for it (readiness does not hang on Meta: until it finishes the catalogue is what
 * the store held, and the webhooks keep it current meanwhile) and the timer of the later ones.
 */
export async function openTemplateCatalogue(
  options: TemplateCatalogueOptions,
): Promise<RunningTemplateCatalogue> {
  const { store, businessAccountId, logger, clock } = options;
  const source = upstreamTemplateSource(options.upstream);
  const cache = await TemplateCatalogueCache.open(store, logger);
  const sync = (account: string): Promise<TemplateSyncResult> =>
    syncTemplates(account, { source, store, logger, now: clock });
  const syncAndLog = async (account: string, reason: string): Promise<TemplateSyncResult> => {
    const result = await sync(account);
    if (result.error === undefined)
      logger.info(
        { businessAccountId: account, synced: result.synced, removed: result.removed, reason },
        'Template catalogue synced.',
      );
    return result;
  };

  let stopTimer: () => void = () => undefined;
  let firstSync: Promise<TemplateSyncResult | null> = Promise.resolve(null);
  if (businessAccountId === null) {
    logger.info('No WHATSAPP_BUSINESS_ACCOUNT_ID: templates are not synced (their webhooks still apply).');
  } else {
    firstSync = syncAndLog(businessAccountId, 'start');
    stopTimer = startTemplateSyncTimer({
      intervalSeconds: options.intervalSeconds,
      businessAccountIds: () => [businessAccountId],
      sync: (account) => syncAndLog(account, 'interval'),
      scheduler: systemScheduler,
      logger,
    });
  }
  // Changes published while the subscriber was away were not heard: read every account again, those
  // first written meanwhile too.
  options.onStoreReconnect?.(() => {
    void (async () => {
      const stored = await store.accounts().catch(() => []);
      const accounts = new Set([...cache.businessAccountIds(), ...stored]);
      await Promise.all([...accounts].map((account) => cache.refresh(account)));
    })();
  });

  return {
    cache,
    store,
    follower: new TemplateWebhookFollower({
      cache,
      store,
      reader: source,
      logger,
      now: clock,
    }),
    businessAccountId,
    sync: (account) => syncAndLog(account, 'requested'),
    firstSync,
    close: () => {
      stopTimer();
      cache.close();
    },
  };
}
