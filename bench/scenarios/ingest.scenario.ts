import { type Request } from 'autocannon';
import { BENCH_OTHER_RECIPIENT, BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { productionGatewayEnv } from '../support/gateway-env';
import { runLoad } from '../support/load';
import { flushBenchDb } from '../support/redis-bench';
import { benchStore } from '../support/seed';
import {
  signedStatusWebhook,
  statusUpdatesOf,
  timedMessageId,
  type StatusSpec,
} from '../support/webhook-bodies';
import { type Scenario, type ScenarioContext } from './scenario-context';

const BATCH_SIZES = [1, 10, 100] as const;
/** Batches in flight at once in the floor, like the webhook POSTs in flight against the gateway. */
const FLOOR_CONCURRENCY = 16;
const CONNECTIONS = 16;

/** Fresh messages, half to each recipient, each reported `sent`: every status creates a record. */
function freshStatuses(count: number): StatusSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    messageId: timedMessageId(),
    recipient: i % 2 === 0 ? BENCH_RECIPIENT : BENCH_OTHER_RECIPIENT,
    status: 'sent' as const,
  }));
}

async function gatewayRate(
  context: ScenarioContext,
  url: string,
  size: number,
  seconds: number,
): Promise<number> {
  const result = await runLoad({
    url: `${url}/webhooks/whatsapp`,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    setupRequest: (req: Request) => {
      const { body, signature } = signedStatusWebhook(freshStatuses(size));
      return {
        ...req,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      };
    },
  });
  if (result.failures > 0)
    context.notes.push(`ingest: ${result.failures} webhook posts of ${size} failed (of ${result.total}).`);
  return ((result.total - result.failures) * size) / result.seconds;
}

/** The same writes straight from ioredis: the store's apply script, as the store batches it, without HTTP. */
async function floorRate(context: ScenarioContext, size: number, seconds: number): Promise<number> {
  const store = benchStore(context.redis);
  const until = Date.now() + seconds * 1000;
  let applied = 0;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (Date.now() < until) {
      const outcomes = await store.applyStatuses(statusUpdatesOf(freshStatuses(size)), Date.now());
      applied += outcomes.length;
    }
  };
  await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, worker));
  return applied / ((Date.now() - started) / 1000);
}

/** Signed status webhooks of 1, 10 and 100 statuses into Redis, against the store doing the same writes without HTTP. */
export const ingestScenario: Scenario = {
  name: 'ingest',
  async run(context) {
    for (const size of BATCH_SIZES) {
      await flushBenchDb(context.redis);
      context.progress(`ingest: floor, ${size} per batch`);
      await floorRate(context, size, context.warmUpSeconds);
      const floor = await floorRate(context, size, context.measureSeconds);

      await flushBenchDb(context.redis);
      const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
      try {
        context.progress(`ingest: gateway, ${size} per webhook`);
        await gatewayRate(context, gateway.url, size, context.warmUpSeconds);
        const rate = await gatewayRate(context, gateway.url, size, context.measureSeconds);
        context.figures.push({
          scenario: 'ingest',
          what: `${size} status${size === 1 ? '' : 'es'} per webhook`,
          value: rate,
          unit: 'statuses/s',
          floorName: 'store without HTTP',
          floorValue: floor,
        });
      } finally {
        await gateway.stop();
      }
    }
  },
};
