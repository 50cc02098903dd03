import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The logger every module receives; built once in the composition root. */
export type Logger = PinoLogger;

/**
 * Paths whose values never reach a log line: tokens, secrets, signatures, callers' keys and message
 * bodies (a customer's words are theirs, not the operator's).
 */
export const REDACTED_PATHS: readonly string[] = [
  'accessToken',
  'appAccessToken',
  'token',
  'secret',
  'authorization',
  'apiKeys',
  'appSecret',
  'verifyToken',
  'apiKey',
  '*.accessToken',
  '*.appAccessToken',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.apiKeys',
  '*.appSecret',
  '*.verifyToken',
  '*.apiKey',
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'headers["x-hub-signature-256"]',
  'connectionParams',
  '*.connectionParams',
  'body',
  '*.body',
  'text',
  '*.text',
  'variables',
  '*.variables',
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; stdout by default. Tests pass a stream to read every line back. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      base: undefined,
    },
    options.destination,
  );
}

/** A logger that drops everything; for unit tests of modules that take a logger they do not assert on. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
