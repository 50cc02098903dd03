/**
 * `npm run simulator`: the Cloud API simulator on its own, so that a gateway in real mode can be pointed at
 * it with GRAPH_API_BASE_URL. A second composition root beside `main.ts`: the simulator itself shares no
 * code with the gateway, so the environment is read here and handed over as plain options.
 */
import { readProcessEnvironment } from '../../config';
import { createLogger } from '../../observability';
import { simulatorOptionsFromEnv, startSimulator } from '..';

async function main(): Promise<void> {
  const env = readProcessEnvironment();
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
  const parsed = simulatorOptionsFromEnv(env);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.exit(1);
  }
  const simulator = await startSimulator({ ...parsed.options, logger });
  logger.info({ url: simulator.url, phoneNumberId: simulator.phoneNumberId }, 'Cloud API simulator ready');
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
