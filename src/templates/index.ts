// Templates: the catalogue of each business account, the parameters each template needs, the check of a
// template send before it goes to Meta, the pause rules and what each template webhook changes.
export {
  isSendable,
  rejectedReasonOf,
  type TemplateDefinition,
  TemplateCategory,
  templateCategoryOf,
  TemplateParameterFormat,
  templateParameterFormatOf,
  TemplateQuality,
  templateQualityOf,
  type TemplateRecord,
  TemplateStatus,
  templateStatusOf,
} from './template-record';
export { TemplateComponent, type TemplateParameter, TemplateParameterKind } from './template-parameter';
export { parametersFromComponents, placeholdersOf } from './parameters-from-components';
export { templateFromDefinition } from './template-from-definition';
export {
  isRefused,
  MetaTemplateCode,
  type TemplateCheck,
  type TemplateProblem,
  TemplateProblemSeverity,
  type TemplateSendFields,
} from './template-check';
export {
  checkTemplateSend,
  marketingOptOutWarning,
  MAX_RENDERED_BODY_LENGTH,
  MAX_RENDERED_HEADER_LENGTH,
  type TemplateCheckOptions,
  UnknownTemplatePolicy,
} from './check-template-send';
export { summariseSend, type TemplateSendSummary } from './send-summary';
export { applyStatusEvent, FIRST_PAUSE_MS, SECOND_PAUSE_MS, type TemplateStatusEvent } from './pause-rules';
export { PAUSES_BEFORE_DISABLED } from './status-problems';
export {
  applyTemplateWebhook,
  isTemplateWebhookField,
  TemplateWebhookField,
  type TemplateWebhookOutcome,
  type TemplateWebhookTarget,
  templateWebhookTarget,
} from './template-webhooks';
export {
  type AccountCatalogue,
  type TemplateCatalogueChange,
  type TemplateCatalogueStore,
} from './catalogue-store';
export { MemoryTemplateCatalogueStore } from './memory/memory-catalogue-store';
export { RedisTemplateCatalogueStore } from './redis/redis-catalogue-store';
export { TemplateCatalogueCache } from './catalogue-cache';
export {
  type TemplateReader,
  type TemplateWebhookChange,
  TemplateWebhookFollower,
  type TemplateWebhookFollowerDependencies,
} from './webhook-follower';
export {
  syncTemplates,
  type TemplatePage,
  type TemplateSource,
  type TemplateSyncDependencies,
  type TemplateSyncResult,
} from './template-sync';
export {
  DEFAULT_TEMPLATE_SYNC_INTERVAL_SECONDS,
  startTemplateSyncTimer,
  type SyncScheduler,
  type SyncTimerOptions,
  systemScheduler,
} from './sync-timer';
