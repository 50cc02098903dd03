import { type TemplateRecord } from './template-record';

/**
 * A change to one business account's catalogue, as every instance hears it. `revision` counts the
 * account's writes, so that a listener notices one it missed (pub/sub delivers at most once).
 */
export type TemplateCatalogueChange =
  | { kind: 'UPSERTED'; businessAccountId: string; revision: number; template: TemplateRecord }
  | { kind: 'REMOVED'; businessAccountId: string; revision: number; templateId: string }
  | { kind: 'REPLACED'; businessAccountId: string; revision: number };

export interface AccountCatalogue {
  /** The revision these templates are at; 0 for an account never written. */
  revision: number;
  templates: TemplateRecord[];
}

/** The template catalogues of every business account, shared by every instance. */
export interface TemplateCatalogueStore {
  /** Replaces the account's whole catalogue at once: readers see the old one or the new, never a mix. */
  replaceAccount(
    businessAccountId: string,
    templates: readonly TemplateRecord[],
  ): Promise<{ removed: number }>;
  upsert(template: TemplateRecord): Promise<void>;
  /** Whether there was such a template. */
  remove(businessAccountId: string, templateId: string): Promise<boolean>;
  readAccount(businessAccountId: string): Promise<AccountCatalogue>;
  /** Every business account with a catalogue. */
  accounts(): Promise<string[]>;
  /** Hears every change from then on, made on any instance. Resolves once listening; returns the stop. */
  listen(listener: (change: TemplateCatalogueChange) => void): Promise<() => void>;
}
