import autocannon from 'autocannon';
import { request } from 'undici';
import WebSocket from 'ws';
import { BENCH_API_KEY } from '../support/bench-constants';
import { startGatewayProcess, type BenchProcess } from '../support/child-process';
import { authHeaders, productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { type Scenario } from './scenario-context';

const REQUESTS = 100_000;
const SUBSCRIBE_CYCLES = 10_000;
const CYCLES_IN_FLIGHT = 100;
const READ_DOCUMENT = JSON.stringify({
  query: 'query Read($id: ID!) { message(id: $id) { id status } }',
  variables: { id: 'wamid.memory-probe' },
});
const WATCH = 'subscription { messageStatusChanged(recipient: "+12025550150") { status } }';

/** The gateway's inspector, which it announces on stderr when started with `--inspect`. */
function inspectorUrl(gateway: BenchProcess): string {
  const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(gateway.errors())?.[0];
  if (url === undefined) throw new Error('the gateway announced no inspector');
  return url;
}

/** A full garbage collection in the gateway, through its inspector (`HeapProfiler.collectGarbage`). */
async function collectGarbage(inspector: string): Promise<void> {
  const socket = new WebSocket(inspector);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { id?: number }).id === 1) resolve();
    });
  });
  socket.close();
}

/**
 * The heap in use after a full collection, as the gateway's own /metrics reports it. Without the
 * collection the reading is whatever garbage the young generation (up to 2 × 32 MiB) and the old one
 * happen to hold: 90–120 MiB after the load against 52–60 before, where a collected heap stays at 31.
 */
async function heapBytesAfterCollection(url: string, inspector: string): Promise<number> {
  await collectGarbage(inspector);
  const response = await request(`${url}/metrics`);
  const page = await response.body.text();
  const line = page.split('\n').find((row) => row.startsWith('nodejs_heap_size_used_bytes '));
  return Number(line?.split(' ')[1]);
}

/** Opens and closes `cycles` subscriptions on one socket, `CYCLES_IN_FLIGHT` at a time. */
async function subscribeAndUnsubscribe(wsUrl: string, cycles: number): Promise<void> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey: BENCH_API_KEY } })),
    );
    socket.on('message', (data: Buffer) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') resolve();
    });
  });
  for (let done = 0; done < cycles; done += CYCLES_IN_FLIGHT) {
    const ids = Array.from({ length: Math.min(CYCLES_IN_FLIGHT, cycles - done) }, (_, i) => `s${done + i}`);
    for (const id of ids) socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: WATCH } }));
    for (const id of ids) socket.send(JSON.stringify({ id, type: 'complete' }));
    // A ping answered means every frame before it was handled.
    await new Promise<void>((resolve) => {
      const onMessage = (data: Buffer): void => {
        if (JSON.parse(data.toString()).type !== 'pong') return;
        socket.off('message', onMessage);
        resolve();
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ type: 'ping' }));
    });
  }
  socket.close();
}

/**
 * docs/reliability.md, case 40: the heap after 100,000 requests and 10,000 subscribe/unsubscribe cycles, beside the heap
 * before them. A leak shows as an "after" that keeps the growth instead of returning to the baseline.
 */
export const memoryScenario: Scenario = {
  name: 'memory',
  async run(context) {
    await flushBenchDb(context.redis);
    // The inspector on a port of its own on loopback, for the full collections before each reading.
    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url), [
      '--inspect=127.0.0.1:0',
    ]);
    const inspector = inspectorUrl(gateway);
    try {
      context.progress('memory: warm-up');
      await autocannon({
        url: `${gateway.url}/graphql`,
        method: 'POST',
        headers: authHeaders,
        body: READ_DOCUMENT,
        connections: 20,
        amount: 5_000,
      });
      const baseline = await heapBytesAfterCollection(gateway.url, inspector);

      context.progress(`memory: ${REQUESTS.toLocaleString('en-US')} requests`);
      const load = await autocannon({
        url: `${gateway.url}/graphql`,
        method: 'POST',
        headers: authHeaders,
        body: READ_DOCUMENT,
        connections: 50,
        amount: REQUESTS,
      });
      context.progress(`memory: ${SUBSCRIBE_CYCLES.toLocaleString('en-US')} subscribe/unsubscribe cycles`);
      await subscribeAndUnsubscribe(`${gateway.url.replace('http', 'ws')}/graphql`, SUBSCRIBE_CYCLES);
      const after = await heapBytesAfterCollection(gateway.url, inspector);

      const mib = (bytes: number): number => bytes / 1024 / 1024;
      context.figures.push(
        { scenario: 'memory', what: 'heap in use before', value: mib(baseline), unit: 'MiB' },
        {
          scenario: 'memory',
          what: 'heap in use after the load',
          value: mib(after),
          unit: 'MiB',
          floorName: 'before',
          floorValue: mib(baseline),
          lowerIsBetter: true,
          note: `${load.requests.total.toLocaleString('en-US')} requests (${load.non2xx} not 2xx), ${SUBSCRIBE_CYCLES.toLocaleString('en-US')} subscribe/unsubscribe cycles`,
        },
      );
    } finally {
      await gateway.stop();
    }
  },
};
