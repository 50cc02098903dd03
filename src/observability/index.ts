export { createLogger, createSilentLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger';
export { Metrics, type MetricsOptions, type UpstreamObservation, type WebhookObservation } from './metrics';
