import { type EpochMillis } from '../store-kit';
import { parametersFromComponents } from './parameters-from-components';
import {
  rejectedReasonOf,
  type TemplateDefinition,
  templateCategoryOf,
  templateParameterFormatOf,
  templateQualityOf,
  type TemplateRecord,
  TemplateStatus,
  templateStatusOf,
} from './template-record';

/**
 * The record of a template as Meta's list shows it now. What only the webhooks tell (pause count and
 * window, flag, disable date, when the status last changed) is carried over from `previous` while the
 * status is the same: a sync must not forget that a paused template has 2 h to go.
 */
export function templateFromDefinition(
  businessAccountId: string,
  definition: TemplateDefinition,
  syncedAt: EpochMillis,
  previous?: TemplateRecord,
): TemplateRecord {
  const status = templateStatusOf(definition.status);
  const sameStatus = previous !== undefined && previous.status === status;
  const record: TemplateRecord = {
    businessAccountId,
    id: definition.id,
    name: definition.name,
    language: definition.language,
    status,
    category: templateCategoryOf(definition.category),
    parameterFormat: templateParameterFormatOf(definition.parameterFormat),
    quality: templateQualityOf(definition.qualityScore),
    rejectedReason: rejectedReasonOf(definition.rejectedReason),
    pauseCount: previous?.pauseCount ?? 0,
    components: definition.components,
    parameters: parametersFromComponents(definition.components),
    lastSyncedAt: syncedAt,
  };
  if (sameStatus) {
    if (previous.statusChangedAt !== undefined) record.statusChangedAt = previous.statusChangedAt;
    if (status === TemplateStatus.PAUSED && previous.pausedUntil !== undefined)
      record.pausedUntil = previous.pausedUntil;
    if (status === TemplateStatus.DISABLED && previous.disabledAt !== undefined)
      record.disabledAt = previous.disabledAt;
  } else if (previous !== undefined) {
    // Seen changed by the sync, not by a webhook: when exactly is unknown, this is the latest it can be.
    record.statusChangedAt = syncedAt;
  }
  if (previous?.flaggedAt !== undefined && status === TemplateStatus.APPROVED && sameStatus)
    record.flaggedAt = previous.flaggedAt;
  if (previous?.pendingCategory !== undefined && previous.pendingCategory !== record.category)
    record.pendingCategory = previous.pendingCategory;
  return record;
}
