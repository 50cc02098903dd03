import { startGatewayProcess } from '../support/child-process';
import { authHeaders, developmentGatewayEnv, productionGatewayEnv } from '../support/gateway-env';
import { warmThenMeasure, type LoadResult } from '../support/load';
import { flushBenchDb } from '../support/redis-bench';
import { type Scenario, type ScenarioContext } from './scenario-context';

const BODY = JSON.stringify({ query: 'query Trivial { __typename }' });

async function measure(
  context: ScenarioContext,
  name: string,
  env: Record<string, string>,
): Promise<LoadResult> {
  await flushBenchDb(context.redis);
  const gateway = await startGatewayProcess(env);
  try {
    context.progress(`plugins: ${name}`);
    return await warmThenMeasure(
      {
        url: `${gateway.url}/graphql`,
        headers: authHeaders,
        body: BODY,
        durationSeconds: context.measureSeconds,
      },
      context.warmUpSeconds,
    );
  } finally {
    await gateway.stop();
  }
}

/** A trivial query with the production plugins (auth, limits, metrics, logging) against development defaults. */
export const pluginsScenario: Scenario = {
  name: 'plugins',
  async run(context) {
    const bare = await measure(context, 'development, no keys', developmentGatewayEnv());
    const production = await measure(context, 'production', productionGatewayEnv(context.upstream.url));
    const cost = (1 - production.requestsPerSecond / bare.requestsPerSecond) * 100;
    const scenario = 'plugins';
    context.figures.push(
      { scenario, what: 'trivial query, development', value: bare.requestsPerSecond, unit: 'req/s' },
      {
        scenario,
        what: 'trivial query, production',
        value: production.requestsPerSecond,
        unit: 'req/s',
        floorName: 'development',
        floorValue: bare.requestsPerSecond,
      },
      {
        scenario,
        what: 'production plugins cost',
        value: cost,
        unit: '%',
        note: 'throughput lost to auth, limits, metrics, logging',
      },
      {
        scenario,
        what: 'trivial query p99, production',
        value: production.p99Ms,
        unit: 'ms',
        lowerIsBetter: true,
        floorName: 'development',
        floorValue: bare.p99Ms,
      },
    );
    if (bare.failures + production.failures > 0)
      context.notes.push(
        `plugins: failed requests: development ${bare.failures}, production ${production.failures}.`,
      );
  },
};
