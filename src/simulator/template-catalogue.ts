import { fillerTemplate, FIRST_FILLER_ID, SEED_TEMPLATES } from './template-library';
import type { WireTemplate } from './template-wire-types';

/** What a list may be narrowed by, as Meta's query parameters do (lists are comma-separated there). */
export interface TemplateFilter {
  /** Part of the name. */
  name?: string;
  status?: readonly string[];
  category?: readonly string[];
  language?: readonly string[];
  quality?: readonly string[];
}

const key = (name: string, language: string): string => `${name}\u0000${language}`;

/**
 * The business account's templates, in creation order (ids only grow, so an id is also a stable
 * position for paging cursors). Holds copies: changing one here never changes the library.
 */
export class TemplateCatalogue {
  private readonly byId = new Map<string, WireTemplate>();
  private readonly byNameAndLanguage = new Map<string, WireTemplate>();
  private nextId: number;

  /** The seed templates, then fillers up to `count` templates in all (never fewer than the seeds). */
  constructor(count: number) {
    SEED_TEMPLATES.forEach((template) => this.add(structuredClone(template)));
    for (let index = 0; this.byId.size < count; index += 1) this.add(fillerTemplate(index));
    this.nextId = FIRST_FILLER_ID + Math.max(0, count - SEED_TEMPLATES.length) + 1_000_000;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): WireTemplate | undefined {
    return this.byId.get(id);
  }

  find(name: string, language: string): WireTemplate | undefined {
    return this.byNameAndLanguage.get(key(name, language));
  }

  /** Every language of a name. */
  named(name: string): WireTemplate[] {
    return [...this.byId.values()].filter((template) => template.name === name);
  }

  /** The templates the filter keeps, in catalogue order. */
  list(filter: TemplateFilter): WireTemplate[] {
    const keeps = (values: readonly string[] | undefined, value: string): boolean =>
      values === undefined || values.includes(value);
    return [...this.byId.values()].filter(
      (template) =>
        (filter.name === undefined || template.name.includes(filter.name)) &&
        keeps(filter.status, template.status) &&
        keeps(filter.category, template.category) &&
        keeps(filter.language, template.language) &&
        keeps(filter.quality, template.quality_score.score),
    );
  }

  /** Adds a new template under a fresh id. */
  create(fields: Omit<WireTemplate, 'id'>): WireTemplate {
    const template: WireTemplate = { id: String(this.nextId), ...fields };
    this.nextId += 1;
    this.add(template);
    return template;
  }

  remove(template: WireTemplate): void {
    this.byId.delete(template.id);
    this.byNameAndLanguage.delete(key(template.name, template.language));
  }

  private add(template: WireTemplate): void {
    this.byId.set(template.id, template);
    this.byNameAndLanguage.set(key(template.name, template.language), template);
  }
}
