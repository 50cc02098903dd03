import { request } from 'undici';
import { BENCH_PHONE_NUMBER_ID, SEND_DOCUMENT, SEND_VARIABLES } from '../support/bench-constants';
import { forkBenchScript, startGatewayProcess, type BenchProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { runLoad, type LoadResult } from '../support/load';
import { cpuMicros } from '../support/proc-stats';
import { flushBenchDb } from '../support/redis-bench';
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

/** A full-speed run and the server's own CPU time per request during it. */
interface FullSpeed extends LoadResult {
  cpuMicrosPerRequest: number;
}

async function measure(context: ScenarioContext, name: string, target: BenchProcess): Promise<FullSpeed> {
  await checkSend(name, target.url);
  context.progress(`send: ${name} at full speed`);
  const load = { url: `${target.url}/graphql`, headers: authHeaders, body: BODY };
  await runLoad({ ...load, durationSeconds: context.warmUpSeconds });
  const cpuBefore = cpuMicros(target.pid);
  const result = await runLoad({ ...load, durationSeconds: context.measureSeconds });
  const cpuMicrosPerRequest = (cpuMicros(target.pid) - cpuBefore) / Math.max(1, result.total);
  if (result.failures > 0)
    context.notes.push(`send: ${name} had ${result.failures} failed requests of ${result.total}.`);
  return { ...result, cpuMicrosPerRequest };
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
    const results = new Map<string, { full: FullSpeed; fixed?: LoadResult }>();

    const floor = await forkBenchScript('servers/bare-proxy.js', upstreamOptions);
    try {
      results.set('floor', {
        full: await measure(context, 'floor', floor),
        fixed: await measureFixedRate(context, 'floor', floor),
      });
    } finally {
      await floor.stop();
    }

    const peer = await forkBenchScript('servers/peer-server.js', upstreamOptions);
    try {
      results.set('peer', { full: await measure(context, 'peer', peer) });
    } finally {
      await peer.stop();
    }

    await flushBenchDb(context.redis);
    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
    try {
      results.set('gateway', {
        full: await measure(context, 'gateway', gateway),
        fixed: await measureFixedRate(context, 'gateway', gateway),
      });
    } finally {
      await gateway.stop();
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
    context.figures.push({
      scenario,
      what: 'gateway throughput vs peer',
      value: gatewayFull.requestsPerSecond,
      unit: 'req/s',
      floorName: 'peer',
      floorValue: peerFull.requestsPerSecond,
      note: 'target: at least 1.00',
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
