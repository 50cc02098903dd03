import { request } from 'undici';
import { BENCH_PHONE_NUMBER_ID, SEND_DOCUMENT, SEND_VARIABLES } from '../support/bench-constants';
import { forkBenchScript, startGatewayProcess, type BenchProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { runLoad, type LoadResult } from '../support/load';
import { cpuMicros } from '../support/proc-stats';
import { flushBenchDb } from '../support/redis-bench';
import { quantile } from '../support/stats';
import { type Scenario, type ScenarioContext } from './scenario-context';

const FIXED_RATE = 250;
const BODY = JSON.stringify({ query: SEND_DOCUMENT, variables: SEND_VARIABLES });

/** One send through `url`, checked, so that a misconfigured target fails loudly instead of measuring errors. */
async function checkSend(name: string, url: string): Promise<void> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: authHeaders, body: BODY });
  const text = await response.body.text();
  if (response.statusCode !== 200 || !/"message":\{"id":"wamid\./.test(text)) {
    throw new Error(`${name}: a send did not come back with a message id: ${response.statusCode} ${text}`);
  }
}

/** One full-speed run and the server's own CPU time per request during it. */
interface FullSpeed extends LoadResult {
  cpuMicrosPerRequest: number;
}

/**
 * Rounds of full-speed runs, each target once per round and the order reversed every other round, so
 * that the machine speeding up or slowing down (other work on its two cores) weighs on every target alike.
 */
const ROUNDS = 5;

/**
 * Warm-up of each target before the rounds, in multiples of the runner's: the gateway's code (and its
 * compiled operations) settles after several seconds of load, and the bench measures the gateway as it
 * runs in production, not in its first seconds.
 */
const WARM_UP_FACTOR = 5;

const median = (values: readonly number[]): number => quantile(values, 0.5);

async function fullSpeedRun(target: BenchProcess, seconds: number): Promise<FullSpeed> {
  const cpuBefore = cpuMicros(target.pid);
  const result = await runLoad({
    url: `${target.url}/graphql`,
    headers: authHeaders,
    body: BODY,
    durationSeconds: seconds,
  });
  const cpuMicrosPerRequest = (cpuMicros(target.pid) - cpuBefore) / Math.max(1, result.total);
  return { ...result, cpuMicrosPerRequest };
}

/** Every target warmed up, then `ROUNDS` rounds; each target's runs in round order. */
async function measureInRounds(
  context: ScenarioContext,
  targets: ReadonlyArray<{ name: string; process: BenchProcess }>,
): Promise<Map<string, FullSpeed[]>> {
  const runs = new Map(targets.map(({ name }) => [name, [] as FullSpeed[]]));
  for (const { name, process } of targets) {
    await checkSend(name, process.url);
    context.progress(`send: warming up ${name}`);
    await fullSpeedRun(process, context.warmUpSeconds * WARM_UP_FACTOR);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    context.progress(`send: round ${round + 1} of ${ROUNDS} at full speed`);
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const { name, process } of order) {
      const run = await fullSpeedRun(process, context.measureSeconds);
      if (run.failures > 0)
        context.notes.push(`send: ${name} had ${run.failures} failed requests of ${run.total}.`);
      runs.get(name)?.push(run);
    }
  }
  return runs;
}

/** The median run of a target, figure by figure. */
function medianRun(runs: readonly FullSpeed[]): FullSpeed {
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    cpuMicrosPerRequest: median(runs.map((r) => r.cpuMicrosPerRequest)),
    total: runs.reduce((sum, r) => sum + r.total, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
  };
}

/** The median over rounds of a figure's ratio between two targets measured side by side. */
function pairedRatio(
  a: readonly FullSpeed[],
  b: readonly FullSpeed[],
  figure: (run: FullSpeed) => number,
): number {
  return median(a.map((run, i) => figure(run) / figure(b[i] as FullSpeed)));
}

async function measureFixedRate(
  context: ScenarioContext,
  name: string,
  target: BenchProcess,
): Promise<LoadResult> {
  context.progress(`send: ${name} at ${FIXED_RATE} req/s`);
  return runLoad({
    url: `${target.url}/graphql`,
    headers: authHeaders,
    body: BODY,
    durationSeconds: context.measureSeconds,
    overallRate: FIXED_RATE,
  });
}

/**
 * `sendMessage` (text) through the gateway with every production feature on, beside the bare proxy floor
 * and the Apollo-on-Fastify peer, all against the same instant upstream.
 */
export const sendScenario: Scenario = {
  name: 'send',
  async run(context) {
    const upstreamOptions = { upstreamUrl: context.upstream.url, phoneNumberId: BENCH_PHONE_NUMBER_ID };
    await flushBenchDb(context.redis);
    const floor = await forkBenchScript('servers/bare-proxy.js', upstreamOptions);
    const peer = await forkBenchScript('servers/peer-server.js', upstreamOptions);
    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
    const results = new Map<string, { full: FullSpeed; fixed?: LoadResult }>();
    let rounds: Map<string, FullSpeed[]>;
    try {
      rounds = await measureInRounds(context, [
        { name: 'floor', process: floor },
        { name: 'peer', process: peer },
        { name: 'gateway', process: gateway },
      ]);
      for (const [name, runs] of rounds) results.set(name, { full: medianRun(runs) });
      results.get('floor')!.fixed = await measureFixedRate(context, 'floor', floor);
      results.get('gateway')!.fixed = await measureFixedRate(context, 'gateway', gateway);
    } finally {
      await Promise.all([floor.stop(), peer.stop(), gateway.stop()]);
    }

    const floorFull = results.get('floor')!.full;
    const floorFixed = results.get('floor')!.fixed!;
    const scenario = 'send';
    for (const name of ['floor', 'peer', 'gateway'] as const) {
      const { full } = results.get(name)!;
      const floorName = name === 'floor' ? undefined : 'floor';
      context.figures.push(
        {
          scenario,
          what: `${name} throughput`,
          value: full.requestsPerSecond,
          unit: 'req/s',
          ...(floorName && { floorName, floorValue: floorFull.requestsPerSecond }),
        },
        {
          scenario,
          what: `${name} p50 (50 conns)`,
          value: full.p50Ms,
          unit: 'ms',
          lowerIsBetter: true,
          ...(floorName && { floorName, floorValue: floorFull.p50Ms }),
        },
        {
          scenario,
          what: `${name} p99 (50 conns)`,
          value: full.p99Ms,
          unit: 'ms',
          lowerIsBetter: true,
          ...(floorName && { floorName, floorValue: floorFull.p99Ms }),
        },
      );
    }
    const gatewayFull = results.get('gateway')!.full;
    const peerFull = results.get('peer')!.full;
    const gatewayRuns = rounds.get('gateway') ?? [];
    const peerRuns = rounds.get('peer') ?? [];
    const throughputRatio = pairedRatio(gatewayRuns, peerRuns, (run) => run.requestsPerSecond);
    context.figures.push({
      scenario,
      what: 'gateway throughput vs peer',
      value: gatewayFull.requestsPerSecond,
      unit: 'req/s',
      floorName: 'peer',
      floorValue: peerFull.requestsPerSecond,
      note: `paired: ${throughputRatio.toFixed(2)} (median of ${ROUNDS} rounds); target: at least 0.80, aim 1.00`,
    });
    // CPU per send: the ratio that holds when other work shares the machine and throughput swings.
    for (const name of ['floor', 'peer', 'gateway'] as const) {
      context.figures.push({
        scenario,
        what: `${name} CPU per send`,
        value: results.get(name)!.full.cpuMicrosPerRequest,
        unit: 'µs',
        lowerIsBetter: true,
        ...(name === 'gateway' && { floorName: 'peer', floorValue: peerFull.cpuMicrosPerRequest }),
      });
    }
    const gatewayFixed = results.get('gateway')!.fixed!;
    context.figures.push(
      { scenario, what: `floor p50 @${FIXED_RATE} req/s`, value: floorFixed.p50Ms, unit: 'ms' },
      { scenario, what: `floor p99 @${FIXED_RATE} req/s`, value: floorFixed.p99Ms, unit: 'ms' },
      {
        scenario,
        what: `gateway p50 @${FIXED_RATE} req/s`,
        value: gatewayFixed.p50Ms,
        unit: 'ms',
        lowerIsBetter: true,
        floorName: 'floor',
        floorValue: floorFixed.p50Ms,
      },
      {
        scenario,
        what: `gateway p99 @${FIXED_RATE} req/s`,
        value: gatewayFixed.p99Ms,
        unit: 'ms',
        lowerIsBetter: true,
        floorName: 'floor',
        floorValue: floorFixed.p99Ms,
      },
    );
  },
};
