import { type Redis } from 'ioredis';
import { request } from 'undici';
import { Fleets } from '../clients/fleet-controller';
import { histogramQuantile, mergeHistograms } from '../clients/fleet-protocol';
import {
  BENCH_API_KEY,
  BENCH_OTHER_RECIPIENT,
  BENCH_RECIPIENT,
  SEND_DOCUMENT,
} from '../support/bench-constants';
import { forkBenchScript, startGatewayProcess, type BenchProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { cpuMicros } from '../support/proc-stats';
import { flushBenchDb, redisCpuMicros } from '../support/redis-bench';
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
  /** Steady rounds per server, alternating between the floor and the gateway. */
  steadyRounds: number;
  /** Burst rounds per server, alternating likewise. */
  burstRounds: number;
}

/**
 * A p99 over 1,000 subscribers is set by the run's few slowest events: over 150 events the floor's own moved
 * between 21 and 30 ms from one run to the next on one machine, over 300 between 21 and 26. At 1,000
 * subscribers the one subscriber process sets the pace on both sides (see `subscriberCpu`), so what tells
 * them apart is smaller than that spread: the target case runs more rounds than the report-only 10,000.
 */
const ALL_CASES: readonly FanOutCase[] = [
  { subscribers: 1_000, steadyRate: 10, processes: 1, steadyRounds: 10, burstRounds: 5 },
  { subscribers: 10_000, steadyRate: 2, processes: 2, steadyRounds: 6, burstRounds: 3 },
];
/** `BENCH_FAN_OUT_SUBSCRIBERS=1000` runs only that case (repeated runs of one size). */
const CASES = ALL_CASES.filter(
  (fanOut) =>
    process.env.BENCH_FAN_OUT_SUBSCRIBERS === undefined ||
    String(fanOut.subscribers) === process.env.BENCH_FAN_OUT_SUBSCRIBERS,
);
const BURST_SECONDS = 2;
const BURST_CONCURRENCY = 16;
/** Sends per second posted to the gateway during the burst (to a recipient nobody subscribes to). */
const SENDS_PER_SECOND_IN_BURST = 20;
const DRAIN_TIMEOUT_MS = 20_000;

/** One server under test (the floor or the gateway) with its own subscriber fleet. */
interface Side {
  name: string;
  server: BenchProcess;
  fleets: Fleets;
  takesSends: boolean;
  kibPerSubscriber: number;
  steady: SteadyTotals;
  burst: BurstTotals;
}

/** A side's steady rounds, added up. */
interface SteadyTotals {
  histograms: Array<Array<[number, number]>>;
  received: number;
  seconds: number;
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  failed: number;
}

/** A side's burst rounds, added up. */
interface BurstTotals {
  received: number;
  seconds: number;
  expected: number;
  posted: number;
  refused: number;
  dropped: number;
  webhookLatencies: number[];
  sendLatencies: number[];
  /** CPU time over the burst rounds (µs): the server with Redis, and the subscriber processes. */
  serverCpu: number;
  fleetCpu: number;
  /** Wall time over which that CPU was read (s). */
  cpuSeconds: number;
}

function noSteadyRounds(): SteadyTotals {
  return {
    histograms: [],
    received: 0,
    seconds: 0,
    expected: 0,
    delivered: 0,
    missing: 0,
    duplicates: 0,
    failed: 0,
  };
}

function noBurstRounds(): BurstTotals {
  return {
    received: 0,
    seconds: 0,
    expected: 0,
    posted: 0,
    refused: 0,
    dropped: 0,
    webhookLatencies: [],
    sendLatencies: [],
    serverCpu: 0,
    fleetCpu: 0,
    cpuSeconds: 0,
  };
}

/** What one server did with one case, all rounds together. */
interface Measured {
  p50: number;
  p99: number;
  /** Each steady round's own p99, in round order (rounds alternate with the other side's). */
  roundP99s: number[];
  steadyDeliveries: number;
  steadyNote: string;
  kibPerSubscriber: number;
  burstDeliveries: number;
  burstNote: string;
  burstLost: number;
  webhookP99InBurst: number;
  /** The server's and Redis's CPU per delivery in the burst (µs). */
  serverCpuPerDelivery: number;
  fleetCpuPerDelivery: number;
  /** Share of one core the subscriber processes used during the burst. */
  fleetBusy: number;
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

/** Connects a fleet to `server` and waits until every subscription is live; measures memory meanwhile. */
async function connectSide(
  context: ScenarioContext,
  fanOut: FanOutCase,
  server: BenchProcess,
  name: string,
  takesSends: boolean,
): Promise<Side> {
  // A second of webhooks for nobody first: the young generation grows to its working size under any load
  // (tens of MiB), and that growth is the load's, not the subscribers'.
  await postBurst([server.url], [BENCH_OTHER_RECIPIENT], BURST_CONCURRENCY, 1);
  await delay(500);
  const rssBefore = server.rss();
  context.progress(`fan-out: connecting ${fanOut.subscribers.toLocaleString('en-US')} subs to the ${name}`);
  const fleets = await Fleets.start(
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
  try {
    await probeUntilLive(fleets, [server.url], [BENCH_RECIPIENT], 60_000);
  } catch (error) {
    await fleets.stop();
    throw error;
  }
  return {
    name,
    server,
    fleets,
    takesSends,
    kibPerSubscriber: (server.rss() - rssBefore) / fanOut.subscribers / 1024,
    steady: noSteadyRounds(),
    burst: noBurstRounds(),
  };
}

async function steadyRound(context: ScenarioContext, fanOut: FanOutCase, side: Side): Promise<void> {
  const { fleets, server } = side;
  await settle(fleets);
  await fleets.reset(true);
  const started = preciseNow();
  const posted = await postSteadily(
    [server.url],
    [BENCH_RECIPIENT],
    fanOut.steadyRate,
    context.measureSeconds,
  );
  const expected = posted.posted * fanOut.subscribers;
  await drain(fleets, expected, 3_000, DRAIN_TIMEOUT_MS);
  const collected = await fleets.collect();
  const verdict = await fleets.verify(posted.byRecipient);
  const steady = side.steady;
  steady.histograms.push(collected.histogram);
  steady.received += collected.received;
  steady.seconds += (collected.lastReceiptAt - started) / 1000;
  steady.expected += expected;
  steady.delivered += verdict.delivered - verdict.unexpected;
  steady.missing += verdict.missing;
  steady.duplicates += verdict.duplicates;
  steady.failed += posted.failed;
}

/** CPU used so far by the server and Redis, and by the subscriber processes (µs). */
async function cpuOf(redis: Redis, side: Side): Promise<{ server: number; fleet: number; at: number }> {
  const server = cpuMicros(side.server.pid) + (await redisCpuMicros(redis));
  return { server, fleet: side.fleets.cpuMicros(), at: preciseNow() };
}

async function burstRound(context: ScenarioContext, fanOut: FanOutCase, side: Side): Promise<void> {
  const { fleets, server } = side;
  await settle(fleets);
  const before = await fleets.counts();
  await fleets.reset(false);
  const cpuBefore = await cpuOf(context.redis, side);
  const started = preciseNow();
  const [posted, sends] = await Promise.all([
    postBurst([server.url], [BENCH_RECIPIENT], BURST_CONCURRENCY, BURST_SECONDS, side.burst.webhookLatencies),
    side.takesSends
      ? sendSteadily(server.url, SENDS_PER_SECOND_IN_BURST, Date.now() + BURST_SECONDS * 1000)
      : Promise.resolve([]),
  ]);
  const expected = posted.posted * fanOut.subscribers;
  await drain(fleets, expected, 3_000, DRAIN_TIMEOUT_MS);
  const cpuAfter = await cpuOf(context.redis, side);
  const after = await fleets.counts();
  const burst = side.burst;
  burst.serverCpu += cpuAfter.server - cpuBefore.server;
  burst.fleetCpu += cpuAfter.fleet - cpuBefore.fleet;
  burst.cpuSeconds += (cpuAfter.at - cpuBefore.at) / 1000;
  burst.received += after.received;
  burst.seconds += (after.lastReceiptAt - started) / 1000;
  burst.expected += expected;
  burst.posted += posted.posted;
  burst.refused += posted.failed;
  burst.dropped += after.dropped - before.dropped;
  burst.sendLatencies.push(...sends);
}

/**
 * One steady and one burst round on a side, not counted: the gateway's fan-out settles (optimised code,
 * compiled renders, a young generation sized to the load) over its first events, and its first round was
 * its slowest (p90 of an event's last receipt 26 ms against 19–25 after). The bench measures the gateway as
 * it runs, not in its first seconds, like the send scenario's warm-up; the floor gets the same.
 */
async function warmUp(context: ScenarioContext, fanOut: FanOutCase, side: Side): Promise<void> {
  await steadyRound(context, fanOut, side);
  await burstRound(context, fanOut, side);
  side.steady = noSteadyRounds();
  side.burst = noBurstRounds();
}

function measuredOf(fanOut: FanOutCase, side: Side): Measured {
  const { steady, burst } = side;
  const lost = burst.expected - burst.received;
  const histogram = mergeHistograms(steady.histograms);
  return {
    p50: histogramQuantile(histogram, 0.5),
    p99: histogramQuantile(histogram, 0.99),
    roundP99s: steady.histograms.map((round) => histogramQuantile(round, 0.99)),
    steadyDeliveries: steady.received / steady.seconds,
    steadyNote: `${steady.delivered.toLocaleString('en-US')} of ${steady.expected.toLocaleString('en-US')}; lost ${steady.missing}, duplicates ${steady.duplicates}`,
    kibPerSubscriber: side.kibPerSubscriber,
    burstDeliveries: burst.received / burst.seconds,
    burstLost: lost,
    burstNote: `${burst.posted} webhooks in ${fanOut.burstRounds} × ${BURST_SECONDS} s (${burst.refused} refused); delivered ${burst.received.toLocaleString('en-US')} of ${burst.expected.toLocaleString('en-US')}, lost ${lost.toLocaleString('en-US')}, subscribers dropped ${burst.dropped}`,
    webhookP99InBurst: quantile(burst.webhookLatencies, 0.99),
    serverCpuPerDelivery: burst.serverCpu / burst.received,
    fleetCpuPerDelivery: burst.fleetCpu / burst.received,
    fleetBusy: burst.fleetCpu / 1e6 / burst.cpuSeconds,
    sendP99InBurst: side.takesSends ? quantile(burst.sendLatencies, 0.99) : Number.NaN,
    steadyFailed: steady.failed,
  };
}

/**
 * The p99 round by round: the median of each side's, and the gateway's ratio to the floor's round run next
 * to it. A few slow events set a p99, and a moment of other work on the machine lands on one side's round.
 */
function roundByRound(gateway: Measured, floor: Measured): string {
  const ratios = gateway.roundP99s.map((p99, round) => p99 / (floor.roundP99s[round] ?? Number.NaN));
  const within = ratios.filter((ratio) => ratio <= 1.1).length;
  return `median round p99 ${quantile(gateway.roundP99s, 0.5).toFixed(1)} / ${quantile(floor.roundP99s, 0.5).toFixed(1)} ms, within 1.1× in ${within} of ${ratios.length} paired rounds (median ratio ${quantile(ratios, 0.5).toFixed(2)})`;
}

/**
 * What the subscriber processes spent per delivery and how busy they were. At 1,000 subscribers the one
 * process reading every socket is near a whole core on both sides: the burst figure then measures it, and
 * the server's own cost is the CPU figure.
 */
function subscriberCpu(measured: Measured): string {
  return `${measured.fleetCpuPerDelivery.toFixed(2)} µs per delivery, ${Math.round(measured.fleetBusy * 100)} % of a core`;
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
      note: `${fanOut.steadyRate} webhooks/s, ${fanOut.steadyRounds} rounds of ${measureSeconds} s`,
    },
    {
      scenario,
      what: `${label}: p99 post→receipt`,
      value: gateway.p99,
      unit: 'ms',
      floorName: 'floor',
      floorValue: floor.p99,
      lowerIsBetter: true,
      note: `target: within 1.1× of the floor, ≤ 30 ms; ${roundByRound(gateway, floor)}`,
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
      what: `${label}: CPU per burst delivery`,
      value: gateway.serverCpuPerDelivery,
      unit: 'µs',
      floorName: 'floor',
      floorValue: floor.serverCpuPerDelivery,
      lowerIsBetter: true,
      note: `the server and Redis, webhooks and sends included; the subscribers: ${subscriberCpu(gateway)} (floor side: ${subscriberCpu(floor)})`,
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

/**
 * The floor and the gateway side by side, each with its own fleet of the same size: their steady and
 * burst rounds alternate (the order swapped every round), so that whatever else the machine does weighs
 * on both alike.
 */
async function runCase(context: ScenarioContext, fanOut: FanOutCase): Promise<void> {
  await flushBenchDb(context.redis);
  const servers: BenchProcess[] = [];
  const sides: Side[] = [];
  try {
    servers.push(await forkBenchScript('servers/fanout-floor.js', {}));
    sides.push(await connectSide(context, fanOut, servers[0]!, 'floor', false));
    // A key prefix (and so a pub/sub channel) of this run's own: channels are shared by every database
    // of the Redis server, and another gateway publishing on the default one would be fanned out here too.
    servers.push(
      await startGatewayProcess(
        productionGatewayEnv(context.upstream.url, { REDIS_KEY_PREFIX: `fan-out-${process.pid}:` }),
      ),
    );
    sides.push(await connectSide(context, fanOut, servers[1]!, 'gateway', true));
    const label = `${fanOut.subscribers.toLocaleString('en-US')} subs`;
    for (const side of sides) {
      context.progress(`fan-out: ${label}, warming up the ${side.name}`);
      await warmUp(context, fanOut, side);
    }
    for (let round = 0; round < fanOut.steadyRounds; round += 1) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        context.progress(
          `fan-out: ${label}, ${side.name}, ${fanOut.steadyRate} webhooks/s (round ${round + 1})`,
        );
        await steadyRound(context, fanOut, side);
      }
    }
    for (let round = 0; round < fanOut.burstRounds; round += 1) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        context.progress(
          `fan-out: ${label}, ${side.name}, burst for ${BURST_SECONDS} s (round ${round + 1})`,
        );
        await burstRound(context, fanOut, side);
      }
    }
    const [floor, gateway] = sides.map((side) => measuredOf(fanOut, side)) as [Measured, Measured];
    context.figures.push(...figuresOf(fanOut, floor, gateway, context.measureSeconds));
    if (gateway.steadyFailed > 0) {
      context.notes.push(`fan-out ${label}: ${gateway.steadyFailed} steady webhooks refused.`);
    }
    if (floor.burstLost > 0) {
      context.notes.push(`fan-out ${label}: the floor lost ${floor.burstLost} burst deliveries.`);
    }
  } finally {
    await Promise.all(sides.map((side) => side.fleets.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  }
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
