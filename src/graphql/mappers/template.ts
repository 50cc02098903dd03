import { isSendable, type TemplateParameter as DomainParameter, type TemplateRecord } from '../../templates';
import { type Template, type TemplateParameter } from '../types/template.type';

/** A template as GraphQL shows it; the record rides along for the field resolvers that need more of it. */
export type TemplateView = Template & { record: TemplateRecord };

export function toTemplate(record: TemplateRecord): TemplateView {
  return {
    record,
    id: record.id,
    name: record.name,
    language: record.language,
    businessAccountId: record.businessAccountId,
    status: record.status,
    category: record.category,
    parameterFormat: record.parameterFormat,
    quality: record.quality,
    rejectedReason: record.rejectedReason,
    pausedUntil: record.pausedUntil === undefined ? null : new Date(record.pausedUntil),
    sendable: isSendable(record),
    components: record.components.filter(isJsonObject),
    parameters: record.parameters.map(toParameter),
    lastSyncedAt: new Date(record.lastSyncedAt),
  };
}

function toParameter(parameter: DomainParameter): TemplateParameter {
  return {
    component: parameter.component,
    buttonIndex: parameter.buttonIndex ?? null,
    position: parameter.position ?? null,
    name: parameter.name ?? null,
    kind: parameter.kind,
    example: parameter.example ?? null,
  };
}

/** `components` is `[JSONObject!]!`: a component that is not an object (Meta never sends one) is left out. */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
