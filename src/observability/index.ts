export { createLogger, createSilentLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger';
