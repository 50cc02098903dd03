import { request } from 'undici';
import { BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { runLoad } from '../support/load';
import { flushBenchDb, monitorCommands } from '../support/redis-bench';
import { applyInBatches, benchStore } from '../support/seed';
import { timedMessageId, statusUpdatesOf, type StatusSpec } from '../support/webhook-bodies';
import { type Scenario } from './scenario-context';

const SEEDED_MESSAGES = 150;
const SAMPLED_REQUESTS = 20;
const BODY = JSON.stringify({
  query:
    'query Page { messages(first: 100) { edges { node { id status statusHistory { status } diagnosis { cause explanation } } } } }',
});

/** Sent, then delivered, read or failed: histories of a few entries and diagnoses of every kind. */
function seedStatuses(): StatusSpec[] {
  const specs: StatusSpec[] = [];
  for (let i = 0; i < SEEDED_MESSAGES; i += 1) {
    const messageId = timedMessageId();
    specs.push({ messageId, recipient: BENCH_RECIPIENT, status: 'sent' });
    if (i % 3 === 0)
      specs.push({ messageId, recipient: BENCH_RECIPIENT, status: 'failed', errorCode: 131026 });
    else specs.push({ messageId, recipient: BENCH_RECIPIENT, status: i % 3 === 1 ? 'delivered' : 'read' });
  }
  return specs;
}

/** A page of 100 messages with history and diagnosis, read from Redis: req/s and Redis work per request. */
export const readScenario: Scenario = {
  name: 'read',
  async run(context) {
    await flushBenchDb(context.redis);
    await applyInBatches(benchStore(context.redis), statusUpdatesOf(seedStatuses()));
    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
    try {
      const check = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: authHeaders,
        body: BODY,
      });
      const text = await check.body.text();
      const edges = (text.match(/"node":/g) ?? []).length;
      if (check.statusCode !== 200 || edges !== 100 || text.includes('"errors"')) {
        throw new Error(
          `the page query did not return 100 messages: ${check.statusCode} ${text.slice(0, 300)}`,
        );
      }

      // Round trips, counted on MONITOR over a few sequential requests (no load: MONITOR slows Redis).
      const sampled = await monitorCommands(async () => {
        for (let i = 0; i < SAMPLED_REQUESTS; i += 1) {
          const response = await request(`${gateway.url}/graphql`, {
            method: 'POST',
            headers: authHeaders,
            body: BODY,
          });
          await response.body.dump();
        }
      });

      context.progress('read: messages(first: 100) under load');
      // Ten callers: a page is heavy, and fifty would only queue behind each other.
      const load = { url: `${gateway.url}/graphql`, headers: authHeaders, body: BODY, connections: 10 };
      await runLoad({ ...load, durationSeconds: context.warmUpSeconds });
      const result = await runLoad({ ...load, durationSeconds: context.measureSeconds });
      const scenario = 'read';
      context.figures.push(
        { scenario, what: 'messages(first: 100) throughput', value: result.requestsPerSecond, unit: 'req/s' },
        { scenario, what: 'messages(first: 100) p99', value: result.p99Ms, unit: 'ms' },
        {
          scenario,
          what: 'Redis round trips per request',
          value: sampled.clientCommands / SAMPLED_REQUESTS,
          unit: '',
          floorName: 'target',
          floorValue: 1,
          lowerIsBetter: true,
          note: [...sampled.byCommand.entries()]
            .map(([command, calls]) => `${command} ×${calls / SAMPLED_REQUESTS}`)
            .join(', '),
        },
        {
          scenario,
          what: 'Redis commands per request (scripts incl.)',
          value: (sampled.clientCommands + sampled.scriptCommands) / SAMPLED_REQUESTS,
          unit: '',
          note: "inside Redis, on MONITOR (the scripts' own calls counted)",
        },
      );
      if (result.failures > 0)
        context.notes.push(`read: ${result.failures} failed requests of ${result.total}.`);
    } finally {
      await gateway.stop();
    }
  },
};
