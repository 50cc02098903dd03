import { objectOf } from '../meta-json';
import { type TemplateCatalogueChange } from '../catalogue-store';
import { type TemplateRecord } from '../template-record';

export function encodeTemplate(template: TemplateRecord): string {
  return JSON.stringify(template);
}

/** A stored or published record; `null` when it is not one (written by something else, or cut short). */
export function decodeTemplate(raw: unknown): TemplateRecord | null {
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return null;
  }
  const object = objectOf(parsed);
  if (
    typeof object?.id !== 'string' ||
    typeof object.businessAccountId !== 'string' ||
    typeof object.name !== 'string' ||
    typeof object.language !== 'string' ||
    !Array.isArray(object.components) ||
    !Array.isArray(object.parameters)
  )
    return null;
  return object as unknown as TemplateRecord;
}

/** A published change; `null` for a message that is not one, which the channel logs and drops. */
export function decodeChange(raw: string): TemplateCatalogueChange | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const object = objectOf(parsed);
  const businessAccountId = object?.businessAccountId;
  const revision = object?.revision;
  if (typeof businessAccountId !== 'string' || typeof revision !== 'number') return null;
  switch (object?.kind) {
    case 'REPLACED':
      return { kind: 'REPLACED', businessAccountId, revision };
    case 'REMOVED':
      return typeof object.templateId === 'string'
        ? { kind: 'REMOVED', businessAccountId, revision, templateId: object.templateId }
        : null;
    case 'UPSERTED': {
      const template = decodeTemplate(object.template);
      return template === null ? null : { kind: 'UPSERTED', businessAccountId, revision, template };
    }
    default:
      return null;
  }
}
