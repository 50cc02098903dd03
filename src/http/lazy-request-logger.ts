import { type FastifyBaseLogger } from 'fastify';
import { type Bindings, type ChildLoggerOptions } from 'pino';

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const LOG_METHODS: readonly LogMethod[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * Fastify's `childLoggerFactory`: the request's logger (with its request id) is made on its first line,
 * not for every request. Request lines are off, so most requests never log, and a pino child with
 * redaction costs several per cent of a `sendMessage` under load.
 */
export function lazyRequestLogger(
  this: unknown,
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  let made: FastifyBaseLogger | undefined;
  const real = (): FastifyBaseLogger => (made ??= parent.child(bindings, options));
  const lazy = Object.create(parent) as FastifyBaseLogger;
  for (const method of LOG_METHODS) {
    // Each method forwards its arguments as they are: pino's overloads are not expressible here.
    (lazy as unknown as Record<LogMethod, (...args: unknown[]) => void>)[method] = (...args: unknown[]) =>
      (real()[method] as (...a: unknown[]) => void)(...args);
  }
  lazy.child = (childBindings, childOptions) => real().child(childBindings, childOptions);
  return lazy;
}
