import { Fleets } from '../clients/fleet-controller';
import { BENCH_API_KEY, BENCH_OTHER_RECIPIENT, BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess, type BenchProcess } from '../support/child-process';
import { productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { postSteadily } from '../support/webhook-poster';
import { type Scenario } from './scenario-context';
import { drain, probeUntilLive, settle } from './subscriber-probe';

const INSTANCES = 3;
const SUBSCRIBERS_PER_INSTANCE = 100;
const RATE = 50;
const RECIPIENTS = [BENCH_RECIPIENT, BENCH_OTHER_RECIPIENT];

/**
 * Three gateways on one Redis, webhooks spread over them, subscribers on all of them (half per
 * recipient): every subscriber must get every matching event exactly once.
 */
export const multiInstanceScenario: Scenario = {
  name: 'multi-instance',
  async run(context) {
    await flushBenchDb(context.redis);
    const gateways: BenchProcess[] = [];
    const fleets: Fleets[] = [];
    try {
      for (let i = 0; i < INSTANCES; i += 1) {
        gateways.push(await startGatewayProcess(productionGatewayEnv(context.upstream.url)));
      }
      const targets = gateways.map((gateway) => gateway.url);
      for (const gateway of gateways) {
        fleets.push(
          await Fleets.start(
            {
              wsUrl: `${gateway.url.replace('http', 'ws')}/graphql`,
              apiKey: BENCH_API_KEY,
              count: SUBSCRIBERS_PER_INSTANCE,
              recipients: RECIPIENTS,
              trackIds: true,
              connectConcurrency: 50,
            },
            1,
          ),
        );
      }
      for (const fleet of fleets) await probeUntilLive(fleet, targets, RECIPIENTS, 30_000);
      await Promise.all(fleets.map((fleet) => settle(fleet)));
      await Promise.all(fleets.map((fleet) => fleet.reset(true)));

      context.progress(`multi-instance: ${RATE} webhooks/s over ${INSTANCES} gateways`);
      const posted = await postSteadily(targets, RECIPIENTS, RATE, context.measureSeconds);
      const expectedPerFleet = (posted.posted / RECIPIENTS.length) * SUBSCRIBERS_PER_INSTANCE;
      for (const fleet of fleets) await drain(fleet, expectedPerFleet, 2_000, 20_000);
      const verdicts = await Promise.all(fleets.map((fleet) => fleet.verify(posted.byRecipient)));
      const total = verdicts.reduce(
        (sum, v) => ({
          missing: sum.missing + v.missing,
          duplicates: sum.duplicates + v.duplicates,
          unexpected: sum.unexpected + v.unexpected,
          delivered: sum.delivered + v.delivered,
        }),
        { missing: 0, duplicates: 0, unexpected: 0, delivered: 0 },
      );
      const expected = expectedPerFleet * INSTANCES;
      const scenario = 'multi-instance';
      const detail = `${INSTANCES} gateways × ${SUBSCRIBERS_PER_INSTANCE} subscribers, ${posted.posted} webhooks (${posted.failed} refused)`;
      context.figures.push(
        {
          scenario,
          what: 'deliveries',
          value: total.delivered,
          unit: '',
          floorName: 'expected',
          floorValue: expected,
          note: detail,
        },
        { scenario, what: 'missing', value: total.missing, unit: '', note: 'must be 0' },
        { scenario, what: 'duplicates', value: total.duplicates, unit: '', note: 'must be 0' },
        { scenario, what: 'unexpected (filter leaks)', value: total.unexpected, unit: '', note: 'must be 0' },
      );
    } finally {
      await Promise.all(fleets.map((fleet) => fleet.stop()));
      await Promise.all(gateways.map((gateway) => gateway.stop()));
    }
  },
};
