import { request } from 'undici';
import { buildInboundMessageWebhook, serializeMetaJson, signWebhookBody } from '../../src/simulator';
import { BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { runLoad } from '../support/load';
import { flushBenchDb, monitorCommands } from '../support/redis-bench';
import { postStatuses } from '../support/webhook-poster';
import { timedMessageId } from '../support/webhook-bodies';
import { type Scenario } from './scenario-context';

const CUSTOMERS = 120;
const BUSY_CUSTOMER = '+12025550160';
/** Items in the busy customer's time line: half sent by the business, half written by the customer. */
const BUSY_ITEMS = 300;
const SAMPLED_REQUESTS = 20;

const CONVERSATION = JSON.stringify({
  query: `query Conversation { conversation(contact: "${BUSY_CUSTOMER}", first: 50) {
    edges { cursor node {
      ... on Message { id status createdAt }
      ... on InboundMessage { id type text timestamp from { id } }
    } }
  } }`,
});
const CONTACTS = JSON.stringify({
  query: 'query Contacts { contacts(first: 50) { nodes { id phone lastInboundAt serviceWindow { open } } } }',
});

async function customerWrites(baseUrl: string, customer: string, text: string): Promise<void> {
  const body = serializeMetaJson(
    buildInboundMessageWebhook({ phoneNumberId: BENCH_PHONE_NUMBER_ID, from: customer, content: text }),
  );
  const response = await request(`${baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signWebhookBody(body, BENCH_APP_SECRET),
    },
    body,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`inbound webhook answered ${response.statusCode}`);
}

/** `conversation(first: 50)` and `contacts(first: 50)` read from Redis: req/s and round trips per request. */
export const conversationScenario: Scenario = {
  name: 'conversation',
  async run(context) {
    await flushBenchDb(context.redis);
    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
    try {
      context.progress('conversation: seeding customers and one busy time line through webhooks');
      for (let i = 0; i < CUSTOMERS; i += 1) {
        await customerWrites(gateway.url, `+1202555${String(1000 + i)}`, 'Hello');
      }
      for (let i = 0; i < BUSY_ITEMS / 2; i += 1) {
        await postStatuses(gateway.url, [
          { messageId: timedMessageId(), recipient: BUSY_CUSTOMER, status: 'sent' },
        ]);
        await customerWrites(gateway.url, BUSY_CUSTOMER, `reply ${i}`);
      }

      for (const [what, body] of [
        ['conversation(first: 50)', CONVERSATION],
        ['contacts(first: 50)', CONTACTS],
      ] as const) {
        const check = await request(`${gateway.url}/graphql`, { method: 'POST', headers: authHeaders, body });
        const text = await check.body.text();
        if (check.statusCode !== 200 || text.includes('"errors"')) {
          throw new Error(`${what} failed: ${check.statusCode} ${text.slice(0, 300)}`);
        }
        const sampled = await monitorCommands(async () => {
          for (let i = 0; i < SAMPLED_REQUESTS; i += 1) {
            const response = await request(`${gateway.url}/graphql`, {
              method: 'POST',
              headers: authHeaders,
              body,
            });
            await response.body.dump();
          }
        });
        context.progress(`conversation: ${what} under load`);
        const load = { url: `${gateway.url}/graphql`, headers: authHeaders, body, connections: 10 };
        await runLoad({ ...load, durationSeconds: context.warmUpSeconds });
        const result = await runLoad({ ...load, durationSeconds: context.measureSeconds });
        const scenario = 'conversation';
        context.figures.push(
          { scenario, what: `${what} throughput`, value: result.requestsPerSecond, unit: 'req/s' },
          { scenario, what: `${what} p99`, value: result.p99Ms, unit: 'ms' },
          {
            scenario,
            what: `${what}: Redis round trips per request`,
            value: sampled.clientCommands / SAMPLED_REQUESTS,
            unit: '',
            note: [...sampled.byCommand.entries()]
              .map(([command, calls]) => `${command} ×${calls / SAMPLED_REQUESTS}`)
              .join(', '),
          },
        );
        if (result.failures > 0)
          context.notes.push(`conversation: ${what}: ${result.failures} failed of ${result.total}.`);
      }
    } finally {
      await gateway.stop();
    }
  },
};
