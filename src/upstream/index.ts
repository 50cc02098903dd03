export { UpstreamCircuitBreaker, type BreakerOptions, type BreakerState } from './circuit-breaker';
export { parseErrorEnvelope, type ParsedErrorBody } from './error-envelope';
export { GraphApiClient } from './graph-api-client';
export { type GraphApiClientOptions, type UpstreamRequestInfo } from './graph-api-client-options';
export {
  GraphApiError,
  TRANSIENT_ERROR_CODES,
  isRetryableSendFailure,
  isUpstreamFailure,
  type AnyUpstreamFailure,
  isTransientFailure,
  type GraphApiErrorContext,
  type GraphApiErrorInit,
} from './graph-api-error';
export {
  UpstreamCallPolicy,
  createRetryPolicy,
  fullJitterGenerator,
  type RetryEvent,
  type RetryOptions,
  type RetryRule,
  type UpstreamCallPolicyOptions,
} from './retry-policy';
export {
  InvalidUpstreamArgumentError,
  UpstreamFailure,
  UpstreamFailureKind,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  unreachableKind,
} from './errors';
export { type UpstreamEndpoint } from './upstream-endpoint';
export * from './wire-types';
export * from './template-wire-types';
export { type MediaDownload, type MediaInfo } from './media-download';
