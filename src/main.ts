import 'reflect-metadata';
import { loadConfig, readProcessEnvironment } from './config';
import { startGateway } from './gateway';
import { createLogger } from './observability';

async function main(): Promise<void> {
  const loaded = loadConfig(readProcessEnvironment());
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel });
  const gateway = await startGateway(config, logger);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, drainDelayMs: config.shutdown.drainDelayMs }, 'shutting down');
    // The bound of the whole drain: a stuck dependency must not keep a terminated process alive.
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdown.timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdown.timeoutMs).unref();
    gateway.close().then(
      () => {
        logger.info('shutdown complete');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
