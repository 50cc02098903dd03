import { Fleets } from '../clients/fleet-controller';
import { BENCH_API_KEY, BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { type Figure } from '../support/report';
import { delay, preciseNow } from '../support/stats';
import { postBurst, postSteadily } from '../support/webhook-poster';
import { type Scenario, type ScenarioContext } from './scenario-context';
import { drain, probeUntilLive, settle } from './subscriber-probe';

interface FanOutCase {
  subscribers: number;
  /** Webhooks per second in the steady phase (one status each, every subscriber matches). */
  steadyRate: number;
  /** Subscriber processes (each holds subscribers / processes sockets). */
  processes: number;
}

const CASES: readonly FanOutCase[] = [
  { subscribers: 1_000, steadyRate: 10, processes: 1 },
  { subscribers: 10_000, steadyRate: 2, processes: 2 },
];
const BURST_SECONDS = 2;
const BURST_CONCURRENCY = 4;
const DRAIN_TIMEOUT_MS = 20_000;

async function runCase(context: ScenarioContext, fanOut: FanOutCase): Promise<void> {
  const scenario = 'fan-out';
  const label = `${fanOut.subscribers.toLocaleString('en-US')} subs`;
  await flushBenchDb(context.redis);
  const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
  let fleets: Fleets | null = null;
  try {
    await delay(500);
    const rssBefore = gateway.rss();
    context.progress(`fan-out: connecting ${label}`);
    fleets = await Fleets.start(
      {
        wsUrl: `${gateway.url.replace('http', 'ws')}/graphql`,
        apiKey: BENCH_API_KEY,
        count: fanOut.subscribers,
        recipients: [BENCH_RECIPIENT],
        trackIds: false,
        connectConcurrency: 100,
      },
      fanOut.processes,
    );
    await probeUntilLive(fleets, [gateway.url], [BENCH_RECIPIENT], 60_000);
    const rssPerSubscriber = (gateway.rss() - rssBefore) / fanOut.subscribers;

    context.progress(`fan-out: ${label}, ${fanOut.steadyRate} webhooks/s`);
    await settle(fleets);
    await fleets.reset(true);
    const steadyStart = preciseNow();
    const steady = await postSteadily(
      [gateway.url],
      [BENCH_RECIPIENT],
      fanOut.steadyRate,
      context.measureSeconds,
    );
    const expected = steady.posted * fanOut.subscribers;
    await drain(fleets, expected, 3_000, DRAIN_TIMEOUT_MS);
    const collected = await fleets.collect();
    const verdict = await fleets.verify(steady.byRecipient);
    const steadySeconds = (collected.lastReceiptAt - steadyStart) / 1000;

    context.progress(`fan-out: ${label}, burst for ${BURST_SECONDS} s`);
    await settle(fleets);
    await fleets.reset(false);
    const droppedBefore = collected.dropped;
    const burstStart = preciseNow();
    const burst = await postBurst([gateway.url], [BENCH_RECIPIENT], BURST_CONCURRENCY, BURST_SECONDS);
    const burstExpected = burst.posted * fanOut.subscribers;
    await drain(fleets, burstExpected, 3_000, DRAIN_TIMEOUT_MS);
    const afterBurst = await fleets.counts();
    const burstSeconds = (afterBurst.lastReceiptAt - burstStart) / 1000;

    const figures: Figure[] = [
      {
        scenario,
        what: `${label}: p50 post→receipt`,
        value: collected.latenciesMs(0.5),
        unit: 'ms',
        note: `${fanOut.steadyRate} webhooks/s for ${context.measureSeconds} s`,
      },
      {
        scenario,
        what: `${label}: p99 post→receipt`,
        value: collected.latenciesMs(0.99),
        unit: 'ms',
        floorName: 'target',
        floorValue: 30,
        lowerIsBetter: true,
      },
      {
        scenario,
        what: `${label}: steady deliveries`,
        value: collected.received / steadySeconds,
        unit: 'deliveries/s',
        note: `${(verdict.delivered - verdict.unexpected).toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}; lost ${verdict.missing}, duplicates ${verdict.duplicates}`,
      },
      {
        scenario,
        what: `${label}: memory per subscriber`,
        value: rssPerSubscriber / 1024,
        unit: 'KiB',
        floorName: 'target',
        floorValue: 30,
        lowerIsBetter: true,
        note: 'gateway RSS delta / subscribers',
      },
      {
        scenario,
        what: `${label}: burst deliveries`,
        value: afterBurst.received / burstSeconds,
        unit: 'deliveries/s',
        floorName: 'target',
        floorValue: 100_000,
        note: `${burst.posted} webhooks in ${BURST_SECONDS} s (${burst.failed} refused); delivered ${afterBurst.received.toLocaleString('en-US')} of ${burstExpected.toLocaleString('en-US')}, lost ${(burstExpected - afterBurst.received).toLocaleString('en-US')}, subscribers dropped ${afterBurst.dropped - droppedBefore}`,
      },
    ];
    context.figures.push(...figures);
    if (steady.failed > 0) context.notes.push(`fan-out ${label}: ${steady.failed} steady webhooks refused.`);
  } finally {
    await fleets?.stop();
    await gateway.stop();
  }
}

/** WebSocket subscribers on one instance: latency at a steady rate, memory, and a burst at capacity. */
export const fanOutScenario: Scenario = {
  name: 'fan-out',
  async run(context) {
    for (const fanOut of CASES) await runCase(context, fanOut);
  },
};
