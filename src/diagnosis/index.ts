export { Verdict } from './verdict';
export { DiagnosisCause } from './diagnosis-cause';
export { Locale } from './locale';
export type {
  ErrorDetail,
  Evidence,
  HealthEntityEvidence,
  HealthEvidence,
  MessageEvidence,
  SendErrorEvidence,
  StatusEvidence,
  TokenDebugEvidence,
  TransportFailure,
} from './evidence';
export type { Diagnosis, DiagnosisLink } from './diagnosis';
export { diagnose } from './diagnose';
export { explainError } from './explain-error';
export { diagnoseToken } from './diagnose-token';
export { diagnoseHealth } from './diagnose-health';
export { isAuthErrorCode, missingPermissions } from './rules';
export { describeCatalogEntry, errorCatalog } from './error-catalog';
export { ErrorCategory, type ErrorCodeInfo } from './knowledge/error-catalog';
export { checkRecipientRegion, RegionCheckKind, type RegionCheck } from './region-check';
export {
  PlaceId,
  SANCTIONED_COUNTRIES,
  SANCTIONED_REGIONS,
  TURKEY_LIFTED_AT,
  type RegionCertainty,
  type SanctionedCountry,
  type SanctionedRegion,
} from './knowledge/sanctioned-regions';
export { type AccountEventEvidence } from './account-events/account-event-evidence';
export { summariseAccountEvent } from './account-events/summarise-account-event';
export { CUSTOMER_SERVICE_WINDOW_MS } from './knowledge/windows';
export { diagnoseAccountEvent } from './account-events/diagnose-account-event';
export { DeliveryStatus } from './message-view';
export type {
  TemplateDetectedBy,
  TemplateEvidence,
  TemplateParameterEvidence,
  TemplateSendEvidence,
} from './templates/template-evidence';
export { TemplateFailure } from './templates/template-failure';
export { diagnoseTemplate } from './templates/diagnose-template';
