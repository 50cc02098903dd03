import { request } from 'undici';
import { Fleets } from '../clients/fleet-controller';
import {
  BENCH_API_KEY,
  BENCH_OTHER_RECIPIENT,
  BENCH_RECIPIENT,
  SEND_DOCUMENT,
} from '../support/bench-constants';
import { forkBenchScript, startGatewayProcess, type BenchProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { type Figure } from '../support/report';
import { delay, preciseNow, quantile } from '../support/stats';
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

const ALL_CASES: readonly FanOutCase[] = [
  { subscribers: 1_000, steadyRate: 10, processes: 1 },
  { subscribers: 10_000, steadyRate: 2, processes: 2 },
];
/** `BENCH_FAN_OUT_SUBSCRIBERS=1000` runs only that case (repeated runs of one size). */
const CASES = ALL_CASES.filter(
  (fanOut) =>
    process.env.BENCH_FAN_OUT_SUBSCRIBERS === undefined ||
    String(fanOut.subscribers) === process.env.BENCH_FAN_OUT_SUBSCRIBERS,
);
const BURST_SECONDS = 2;
const BURST_CONCURRENCY = 4;
/** Sends per second posted to the gateway during the burst (to a recipient nobody subscribes to). */
const SENDS_PER_SECOND_IN_BURST = 20;
const DRAIN_TIMEOUT_MS = 20_000;

/** What one server (the floor or the gateway) did with one case. */
interface Measured {
  p50: number;
  p99: number;
  steadyDeliveries: number;
  steadyNote: string;
  kibPerSubscriber: number;
  burstDeliveries: number;
  burstNote: string;
  burstLost: number;
  webhookP99InBurst: number;
  /** NaN for the floor, which takes no sends. */
  sendP99InBurst: number;
  steadyFailed: number;
}

/** `sendMessage` at a steady rate until `until`; the answer times (ms). */
async function sendSteadily(url: string, perSecond: number, until: number): Promise<number[]> {
  const latencies: number[] = [];
  const body = JSON.stringify({
    query: SEND_DOCUMENT,
    variables: { input: { to: BENCH_OTHER_RECIPIENT, text: { body: 'Sent during a fan-out' } } },
  });
  const inFlight: Array<Promise<void>> = [];
  const started = Date.now();
  for (let i = 0; Date.now() < until; i += 1) {
    const wait = started + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await delay(wait);
    const at = preciseNow();
    inFlight.push(
      request(`${url}/graphql`, { method: 'POST', headers: authHeaders, body })
        .then(async (response) => {
          await response.body.dump();
          if (response.statusCode === 200) latencies.push(preciseNow() - at);
        })
        .catch(() => undefined),
    );
  }
  await Promise.all(inFlight);
  return latencies;
}

async function measure(
  context: ScenarioContext,
  fanOut: FanOutCase,
  server: BenchProcess,
  name: string,
  takesSends: boolean,
): Promise<Measured> {
  const label = `${name}, ${fanOut.subscribers.toLocaleString('en-US')} subs`;
  let fleets: Fleets | null = null;
  try {
    await delay(500);
    const rssBefore = server.rss();
    context.progress(`fan-out: connecting ${label}`);
    fleets = await Fleets.start(
      {
        wsUrl: `${server.url.replace('http', 'ws')}/graphql`,
        apiKey: BENCH_API_KEY,
        count: fanOut.subscribers,
        recipients: [BENCH_RECIPIENT],
        trackIds: false,
        connectConcurrency: 100,
      },
      fanOut.processes,
    );
    await probeUntilLive(fleets, [server.url], [BENCH_RECIPIENT], 60_000);
    const kibPerSubscriber = (server.rss() - rssBefore) / fanOut.subscribers / 1024;

    context.progress(`fan-out: ${label}, ${fanOut.steadyRate} webhooks/s`);
    await settle(fleets);
    await fleets.reset(true);
    const steadyStart = preciseNow();
    const steady = await postSteadily(
      [server.url],
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
    const webhookLatencies: number[] = [];
    const [burst, sendLatencies] = await Promise.all([
      postBurst([server.url], [BENCH_RECIPIENT], BURST_CONCURRENCY, BURST_SECONDS, webhookLatencies),
      takesSends
        ? sendSteadily(server.url, SENDS_PER_SECOND_IN_BURST, Date.now() + BURST_SECONDS * 1000)
        : Promise.resolve([]),
    ]);
    const burstExpected = burst.posted * fanOut.subscribers;
    await drain(fleets, burstExpected, 3_000, DRAIN_TIMEOUT_MS);
    const afterBurst = await fleets.counts();
    const burstSeconds = (afterBurst.lastReceiptAt - burstStart) / 1000;
    return {
      p50: collected.latenciesMs(0.5),
      p99: collected.latenciesMs(0.99),
      steadyDeliveries: collected.received / steadySeconds,
      steadyNote: `${(verdict.delivered - verdict.unexpected).toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}; lost ${verdict.missing}, duplicates ${verdict.duplicates}`,
      kibPerSubscriber,
      burstDeliveries: afterBurst.received / burstSeconds,
      burstLost: burstExpected - afterBurst.received,
      burstNote: `${burst.posted} webhooks in ${BURST_SECONDS} s (${burst.failed} refused); delivered ${afterBurst.received.toLocaleString('en-US')} of ${burstExpected.toLocaleString('en-US')}, lost ${(burstExpected - afterBurst.received).toLocaleString('en-US')}, subscribers dropped ${afterBurst.dropped - droppedBefore}`,
      webhookP99InBurst: quantile(webhookLatencies, 0.99),
      sendP99InBurst: takesSends ? quantile(sendLatencies, 0.99) : Number.NaN,
      steadyFailed: steady.failed,
    };
  } finally {
    await fleets?.stop();
  }
}

function figuresOf(fanOut: FanOutCase, floor: Measured, gateway: Measured, measureSeconds: number): Figure[] {
  const scenario = 'fan-out';
  const label = `${fanOut.subscribers.toLocaleString('en-US')} subs`;
  return [
    {
      scenario,
      what: `${label}: p50 post→receipt`,
      value: gateway.p50,
      unit: 'ms',
      floorName: 'floor',
      floorValue: floor.p50,
      lowerIsBetter: true,
      note: `${fanOut.steadyRate} webhooks/s for ${measureSeconds} s`,
    },
    {
      scenario,
      what: `${label}: p99 post→receipt`,
      value: gateway.p99,
      unit: 'ms',
      floorName: 'floor',
      floorValue: floor.p99,
      lowerIsBetter: true,
      note: 'target: within 1.1× of the floor, ≤ 30 ms',
    },
    {
      scenario,
      what: `${label}: steady deliveries`,
      value: gateway.steadyDeliveries,
      unit: 'deliveries/s',
      floorName: 'floor',
      floorValue: floor.steadyDeliveries,
      note: gateway.steadyNote,
    },
    {
      scenario,
      what: `${label}: memory per subscriber`,
      value: gateway.kibPerSubscriber,
      unit: 'KiB',
      floorName: 'target',
      floorValue: 30,
      lowerIsBetter: true,
      note: `gateway RSS delta / subscribers (floor: ${floor.kibPerSubscriber.toFixed(1)} KiB)`,
    },
    {
      scenario,
      what: `${label}: burst deliveries`,
      value: gateway.burstDeliveries,
      unit: 'deliveries/s',
      floorName: 'floor',
      floorValue: floor.burstDeliveries,
      note: `target ≥ 0.95× the floor, nothing lost; ${gateway.burstNote}`,
    },
    {
      scenario,
      what: `${label}: webhook p99 during the burst`,
      value: gateway.webhookP99InBurst,
      unit: 'ms',
      floorName: 'floor',
      floorValue: floor.webhookP99InBurst,
      lowerIsBetter: true,
      note: `${BURST_CONCURRENCY} posting loops`,
    },
    {
      scenario,
      what: `${label}: send p99 during the burst`,
      value: gateway.sendP99InBurst,
      unit: 'ms',
      note: `${SENDS_PER_SECOND_IN_BURST} sendMessage/s to a recipient nobody follows`,
    },
  ];
}

/** The floor and then the gateway, each with the same fleet, load and burst. */
async function runCase(context: ScenarioContext, fanOut: FanOutCase): Promise<void> {
  const floorServer = await forkBenchScript('servers/fanout-floor.js', {});
  let floor: Measured;
  try {
    floor = await measure(context, fanOut, floorServer, 'floor', false);
  } finally {
    await floorServer.stop();
  }
  await flushBenchDb(context.redis);
  // A key prefix (and so a pub/sub channel) of this run's own: channels are shared by every database of
  // the Redis server, and another gateway publishing on the default one would be fanned out here too.
  const gatewayServer = await startGatewayProcess(
    productionGatewayEnv(context.upstream.url, {
      REDIS_KEY_PREFIX: `fan-out-${process.pid}:`,
    }),
  );
  let gateway: Measured;
  try {
    gateway = await measure(context, fanOut, gatewayServer, 'gateway', true);
  } finally {
    await gatewayServer.stop();
  }
  context.figures.push(...figuresOf(fanOut, floor, gateway, context.measureSeconds));
  const label = `${fanOut.subscribers.toLocaleString('en-US')} subs`;
  if (gateway.steadyFailed > 0)
    context.notes.push(`fan-out ${label}: ${gateway.steadyFailed} steady webhooks refused.`);
  if (floor.burstLost > 0)
    context.notes.push(`fan-out ${label}: the floor lost ${floor.burstLost} burst deliveries.`);
}

/**
 * WebSocket subscribers on one instance: latency at a steady rate, memory, a burst at capacity with
 * webhooks and sends timed during it, each beside a bare `ws` write loop of the same messages to the same
 * number of sockets, measured in the same run.
 */
export const fanOutScenario: Scenario = {
  name: 'fan-out',
  async run(context) {
    for (const fanOut of CASES) await runCase(context, fanOut);
  },
};
