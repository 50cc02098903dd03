import { type Logger } from '../observability';
import {
  type AccountCatalogue,
  type TemplateCatalogueChange,
  type TemplateCatalogueStore,
} from './catalogue-store';
import { type TemplateRecord } from './template-record';

interface CachedAccount {
  revision: number;
  byId: Map<string, TemplateRecord>;
  byNameAndLanguage: Map<string, TemplateRecord>;
}

const nameAndLanguage = (name: string, language: string): string => `${name}\u0000${language}`;

/**
 * This instance's copy of every catalogue, for the send check: a send reads it without a round trip.
 * It follows the store's changes: an upsert or removal at the next revision is applied as it comes; a
 * full replacement, or a revision gap (a published change this instance missed), reads the account
 * again. Changes heard while an account is being read wait, and are applied after the read, those it
 * already holds skipped by revision.
 */
export class TemplateCatalogueCache {
  private readonly accounts = new Map<string, CachedAccount>();
  /** Accounts being read, with the changes heard meanwhile. */
  private readonly reading = new Map<string, TemplateCatalogueChange[]>();
  private stopListening: (() => void) | null = null;

  private constructor(
    private readonly store: TemplateCatalogueStore,
    private readonly logger: Logger,
  ) {}

  /** Listens first, then reads every account, so that no change falls between the two. */
  static async open(store: TemplateCatalogueStore, logger: Logger): Promise<TemplateCatalogueCache> {
    const cache = new TemplateCatalogueCache(store, logger);
    cache.stopListening = await store.listen((change) => cache.hear(change));
    const accounts = await store.accounts();
    await Promise.all(accounts.map((account) => cache.reload(account)));
    return cache;
  }

  find(businessAccountId: string, name: string, language: string): TemplateRecord | undefined {
    return this.accounts.get(businessAccountId)?.byNameAndLanguage.get(nameAndLanguage(name, language));
  }

  byId(businessAccountId: string, templateId: string): TemplateRecord | undefined {
    return this.accounts.get(businessAccountId)?.byId.get(templateId);
  }

  /** Every business account this instance holds a catalogue of. */
  businessAccountIds(): string[] {
    return [...this.accounts.keys()];
  }

  templatesOf(businessAccountId: string): TemplateRecord[] {
    return [...(this.accounts.get(businessAccountId)?.byId.values() ?? [])];
  }

  /** Reads one account again (after a reconnect, say: changes published meanwhile were not heard). */
  async refresh(businessAccountId: string): Promise<void> {
    await this.reload(businessAccountId);
  }

  close(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  private hear(change: TemplateCatalogueChange): void {
    const pending = this.reading.get(change.businessAccountId);
    if (pending !== undefined) {
      pending.push(change);
      return;
    }
    const account = this.accounts.get(change.businessAccountId);
    const current = account?.revision ?? 0;
    if (change.revision <= current) return;
    if (account === undefined || change.kind === 'REPLACED' || change.revision !== current + 1) {
      void this.reload(change.businessAccountId);
      return;
    }
    account.revision = change.revision;
    if (change.kind === 'UPSERTED') put(account, change.template);
    else drop(account, change.templateId);
  }

  private async reload(businessAccountId: string): Promise<void> {
    if (this.reading.has(businessAccountId)) return;
    this.reading.set(businessAccountId, []);
    let catalogue: AccountCatalogue | null = null;
    try {
      catalogue = await this.store.readAccount(businessAccountId);
    } catch (error) {
      // The copy held stays in use; the next change heard for the account reads it again.
      this.logger.warn({ err: error, businessAccountId }, 'The template catalogue could not be read again.');
    }
    const heard = this.reading.get(businessAccountId) ?? [];
    this.reading.delete(businessAccountId);
    if (catalogue !== null) this.accounts.set(businessAccountId, cachedAccount(catalogue));
    else this.markStale(businessAccountId);
    for (const change of heard) this.hear(change);
  }

  /** Makes the next change heard for the account look like a gap, so that it reads the account again. */
  private markStale(businessAccountId: string): void {
    const account = this.accounts.get(businessAccountId);
    if (account !== undefined) account.revision = -Infinity;
  }
}

function cachedAccount(catalogue: AccountCatalogue): CachedAccount {
  const account: CachedAccount = {
    revision: catalogue.revision,
    byId: new Map(),
    byNameAndLanguage: new Map(),
  };
  for (const template of catalogue.templates) put(account, template);
  return account;
}

function put(account: CachedAccount, template: TemplateRecord): void {
  const previous = account.byId.get(template.id);
  if (previous !== undefined)
    account.byNameAndLanguage.delete(nameAndLanguage(previous.name, previous.language));
  account.byId.set(template.id, template);
  account.byNameAndLanguage.set(nameAndLanguage(template.name, template.language), template);
}

function drop(account: CachedAccount, templateId: string): void {
  const previous = account.byId.get(templateId);
  if (previous === undefined) return;
  account.byId.delete(templateId);
  account.byNameAndLanguage.delete(nameAndLanguage(previous.name, previous.language));
}
