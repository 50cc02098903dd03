import 'reflect-metadata';
import { loadConfig, readProcessEnvironment } from './config';
import { startGateway } from './gateway';
import { createLogger } from './observability';

/** How long a SIGTERM may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

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
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    gateway.close().then(
      () => process.exit(0),
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
