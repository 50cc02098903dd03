import { templateFromDefinition, type TemplateDefinition, type TemplateRecord } from '../../../src/templates';

export const ACCOUNT = '102290129340398';
export const SYNCED_AT = Date.UTC(2026, 6, 1, 12, 0, 0);

/** An approved positional utility template unless `overrides` say otherwise. */
export function definition(
  overrides: Partial<TemplateDefinition> & Pick<TemplateDefinition, 'components'>,
): TemplateDefinition {
  return {
    id: '1689556908129835',
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    qualityScore: 'GREEN',
    rejectedReason: 'NONE',
    ...overrides,
  };
}

export function record(
  overrides: Partial<TemplateDefinition> & Pick<TemplateDefinition, 'components'>,
  extra: Partial<TemplateRecord> = {},
): TemplateRecord {
  return { ...templateFromDefinition(ACCOUNT, definition(overrides), SYNCED_AT), ...extra };
}
