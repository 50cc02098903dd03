import { type Logger } from '../observability';
import { type EpochMillis } from '../store-kit';
import { type TemplateCatalogueCache } from './catalogue-cache';
import { type TemplateCatalogueStore } from './catalogue-store';
import { templateFromDefinition } from './template-from-definition';
import { type TemplateDefinition, type TemplateRecord, TemplateStatus } from './template-record';
import { applyTemplateWebhook, isTemplateWebhookField, templateWebhookTarget } from './template-webhooks';

/** Reads one template as Meta has it now (`GET /{template-id}`), for a change the webhook does not carry. */
export interface TemplateReader {
  readTemplate(templateId: string): Promise<TemplateDefinition>;
}

/** One change of a template webhook field, as the webhook parser hands it over. */
export interface TemplateWebhookChange {
  /** The entry's id: the business account the template belongs to. */
  businessAccountId: string | undefined;
  field: string;
  value: unknown;
  /** When Meta says it happened (else when it was received). */
  at: EpochMillis;
}

export interface TemplateWebhookFollowerDependencies {
  cache: Pick<TemplateCatalogueCache, 'byId'>;
  store: Pick<TemplateCatalogueStore, 'upsert' | 'remove'>;
  reader: TemplateReader;
  logger: Logger;
  now: () => EpochMillis;
}

/**
 * Keeps the catalogue current from Meta's template webhooks, as they come, rather than at the next sync.
 * A value it cannot read changes nothing (the webhook is still kept whole as an account event). A template
 * the catalogue does not hold yet, and a change of its components, are read from Meta again; when that
 * read fails the record stays as it was and the next sync catches up, so Meta's API being down never
 * fails a webhook. A store write that fails does: the webhook is answered 503 and Meta sends it again,
 * which the rules of `applyTemplateWebhook` then see as repeated where it was applied. A template Meta
 * says is deleted leaves the catalogue, as `deleteTemplate` and the next sync would have it.
 */
export class TemplateWebhookFollower {
  constructor(private readonly deps: TemplateWebhookFollowerDependencies) {}

  /** Applies the changes in body order; rejects only when the store refused a write. */
  async follow(changes: readonly TemplateWebhookChange[]): Promise<void> {
    // What this webhook already wrote: the cache hears of it over pub/sub, maybe after the next change.
    const written = new Map<string, TemplateRecord>();
    for (const change of changes) {
      if (!isTemplateWebhookField(change.field) || change.businessAccountId === undefined) continue;
      const target = templateWebhookTarget(change.value);
      if (target === undefined) {
        this.deps.logger.debug({ field: change.field }, 'A template webhook names no template; ignored.');
        continue;
      }
      const key = `${change.businessAccountId}\u0000${target.templateId}`;
      const current = written.get(key) ?? this.deps.cache.byId(change.businessAccountId, target.templateId);
      const next =
        current === undefined
          ? await this.reread(change.businessAccountId, target.templateId)
          : await this.applied(current, change);
      if (next === undefined) continue;
      if (next.status === TemplateStatus.DELETED) {
        await this.deps.store.remove(change.businessAccountId, target.templateId);
      } else {
        await this.deps.store.upsert(next);
      }
      written.set(key, next);
    }
  }

  private async applied(
    current: TemplateRecord,
    change: TemplateWebhookChange,
  ): Promise<TemplateRecord | undefined> {
    const outcome = applyTemplateWebhook(current, change.field, change.value, change.at);
    switch (outcome.outcome) {
      case 'CHANGED':
        return outcome.template;
      case 'REFETCH':
        return this.reread(current.businessAccountId, outcome.templateId, current);
      case 'UNCHANGED':
        this.deps.logger.debug(
          { field: change.field, templateId: current.id, reason: outcome.reason },
          'A template webhook changes nothing in the catalogue.',
        );
        return undefined;
    }
  }

  private async reread(
    businessAccountId: string,
    templateId: string,
    previous?: TemplateRecord,
  ): Promise<TemplateRecord | undefined> {
    try {
      const definition = await this.deps.reader.readTemplate(templateId);
      return templateFromDefinition(businessAccountId, definition, this.deps.now(), previous);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, businessAccountId, templateId },
        'A template named by a webhook could not be read from Meta; the next sync will catch up.',
      );
      return undefined;
    }
  }
}
