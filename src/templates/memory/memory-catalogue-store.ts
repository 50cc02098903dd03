import {
  type AccountCatalogue,
  type TemplateCatalogueChange,
  type TemplateCatalogueStore,
} from '../catalogue-store';
import { type TemplateRecord } from '../template-record';

interface AccountEntry {
  revision: number;
  templates: Map<string, TemplateRecord>;
}

/**
 * The catalogue in this process, for the embedded mode and tests. Records are copied in and out, so that
 * a caller changing what it got changes nothing here, as with Redis. Changes reach listeners on the next
 * microtask, as a published message would, never inside the write.
 */
export class MemoryTemplateCatalogueStore implements TemplateCatalogueStore {
  private readonly catalogues = new Map<string, AccountEntry>();
  private readonly listeners = new Set<(change: TemplateCatalogueChange) => void>();

  async replaceAccount(
    businessAccountId: string,
    templates: readonly TemplateRecord[],
  ): Promise<{ removed: number }> {
    const entry = this.entry(businessAccountId);
    const next = new Map(templates.map((template) => [template.id, structuredClone(template)]));
    let removed = 0;
    for (const id of entry.templates.keys()) if (!next.has(id)) removed += 1;
    entry.templates = next;
    entry.revision += 1;
    this.publish({ kind: 'REPLACED', businessAccountId, revision: entry.revision });
    return { removed };
  }

  async upsert(template: TemplateRecord): Promise<void> {
    const entry = this.entry(template.businessAccountId);
    entry.templates.set(template.id, structuredClone(template));
    entry.revision += 1;
    this.publish({
      kind: 'UPSERTED',
      businessAccountId: template.businessAccountId,
      revision: entry.revision,
      template: structuredClone(template),
    });
  }

  async remove(businessAccountId: string, templateId: string): Promise<boolean> {
    const entry = this.catalogues.get(businessAccountId);
    if (entry === undefined || !entry.templates.delete(templateId)) return false;
    entry.revision += 1;
    this.publish({ kind: 'REMOVED', businessAccountId, revision: entry.revision, templateId });
    return true;
  }

  async readAccount(businessAccountId: string): Promise<AccountCatalogue> {
    const entry = this.catalogues.get(businessAccountId);
    if (entry === undefined) return { revision: 0, templates: [] };
    return {
      revision: entry.revision,
      templates: [...entry.templates.values()].map((t) => structuredClone(t)),
    };
  }

  async accounts(): Promise<string[]> {
    return [...this.catalogues.keys()];
  }

  async listen(listener: (change: TemplateCatalogueChange) => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private entry(businessAccountId: string): AccountEntry {
    let entry = this.catalogues.get(businessAccountId);
    if (entry === undefined) {
      entry = { revision: 0, templates: new Map() };
      this.catalogues.set(businessAccountId, entry);
    }
    return entry;
  }

  private publish(change: TemplateCatalogueChange): void {
    queueMicrotask(() => {
      for (const listener of this.listeners) listener(change);
    });
  }
}
