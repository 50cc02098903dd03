export { startSimulator, type InboundMessageRequest, type RunningSimulator } from './simulator-server';
export {
  SILENT_SIMULATOR_LOGGER,
  SIMULATOR_DEFAULTS,
  type SimulatorLogger,
  type SimulatorOptions,
  type WebhookRetryOptions,
} from './simulator-options';
export { SimulatorEndpoint, type SimulatorStats } from './simulator-stats';
export type { WebhookDeliveryStats } from './webhook-dispatcher';
export {
  SCENARIOS,
  SANCTIONED_PREFIXES,
  ORDINARY_STEPS,
  SimulatorPhoneNumberId,
  SimulatorToken,
  findRecipientScenario,
  simulatedUserId,
  SIMULATED_USERNAME,
  type CustomerNaming,
  type RecipientBehaviour,
  type RecipientScenario,
  type ScenarioError,
  type StatusStep,
} from './scenarios';
export {
  buildInboundMessageWebhook,
  buildStatusError,
  buildStatusWebhook,
  buildWireStatus,
  type InboundMessageInput,
  type PricingCategory,
  type WebhookAccount,
  type WireStatusInput,
} from './webhook-payload';
export { signWebhookBody } from './webhook-signature';
export { serializeMetaJson } from './meta-json';
export { INBOUND_SCENARIO_PROFILE, INBOUND_SCENARIO_TEXT } from './status-plan';
export { GRAPH_ERROR_CATALOGUE, type GraphErrorDefinition } from './error-catalogue';
export type * from './wire-types';
export { simulatorOptionsFromEnv } from './simulator-env';
export { INBOUND_INJECTION_PATH, inboundInjectionSchema, type InboundInjection } from './inbound-injection';
export { SIMULATED_MEDIA, SimulatorMediaId, type SimulatedMedium } from './media-library';
export { buildUserPreferencesWebhook, type UserPreferenceInput } from './webhook-payload';
export type { HandlerResult } from './http-io';
export {
  TEMPLATE_EVENT_PATH,
  REJECTED_NAME_PREFIX,
  templateEventSchema,
  type TemplateEvent,
} from './template-account';
export type { TemplateCatalogue, TemplateFilter } from './template-catalogue';
export {
  DEFAULT_TEMPLATE_COUNT,
  SEED_TEMPLATES,
  SimulatorTemplateId,
  TEMPLATE_LIMIT,
  fillerTemplate,
} from './template-library';
export { DEFAULT_PAGE_LIMIT } from './template-reads';
export {
  buildTemplateWebhook,
  categoryUpdateValue,
  componentsUpdateValue,
  qualityUpdateValue,
  statusUpdateValue,
  type TemplateWebhookField,
} from './template-webhooks';
export type * from './template-wire-types';
