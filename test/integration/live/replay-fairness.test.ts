/**
 * docs/reliability.md, case 47: sixty subscriptions replaying from the oldest kept cursor must not starve webhooks or
 * live deliveries, nor grow the gateway's memory with the backlog: every subscription still gets every
 * event exactly once.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Redis } from 'ioredis';
import { buildWireStatus } from '../../../src/simulator';
import { type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { openTestRedis, startLiveGateway, streamCursors } from './support/live-gateway';
import { newWamid, postStatuses, uniquePhoneNumberId } from './support/live-webhooks';

const RECIPIENT = '12025550184';
const STORED_EVENTS = 3_000;
const PER_BODY = 50;
const SUBSCRIPTIONS = 60;
const WEBHOOKS_MEASURED = 400;
const BASELINE_WEBHOOKS = 200;
const MIN_WEBHOOKS_MEASURED = 100;
/** The one timing the issue asks for: webhook p99 while the replays run. */
const WEBHOOK_P99_BUDGET_MS = 100;
/** Heap kept (after a full collection) while the replays run, beyond what it was before they started. */
const HEAP_GROWTH_BUDGET_BYTES = 64 * 1024 * 1024;

/** A full collection, so that heap figures count what is kept rather than garbage not collected yet. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The subscriptions, in a process of their own (`test/support/cursor-subscribers.js`): the gateway runs in
 * this process, and the timings below are the gateway's, not the clients' parsing of what they receive.
 */
class ReplayingSubscribers {
  /** Cursors received so far, and the error (if any), per subscription; empty until the first report. */
  counts: number[] = [];
  errors: Array<string | null> = [];
  private readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    readonly size: number,
  ) {
    child.on('message', (message: { type: string; counts?: number[]; errors?: Array<string | null> }) => {
      if (message.type !== 'progress') return;
      this.counts = message.counts ?? [];
      this.errors = message.errors ?? [];
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(
    gatewayUrl: string,
    phoneNumberId: string,
    since: string,
    count: number,
  ): ReplayingSubscribers {
    const options = {
      url: gatewayUrl,
      count,
      query: /* GraphQL */ `
        subscription Replay($phoneNumberId: ID, $since: String) {
          messageStatusChanged(phoneNumberId: $phoneNumberId, since: $since) {
            cursor
          }
        }
      `,
      variables: { phoneNumberId, since },
    };
    const script = join(__dirname, '../../support/cursor-subscribers.js');
    return new ReplayingSubscribers(fork(script, [JSON.stringify(options)], { stdio: 'inherit' }), count);
  }

  /** Whether every subscription has `total` cursors or has failed. */
  allReached(total: number): boolean {
    return (
      this.counts.length === this.size &&
      this.counts.every((received, index) => this.errors[index] !== null || received >= total)
    );
  }

  async cursorLists(): Promise<string[][]> {
    const lists = new Promise<string[][]>((resolve) => {
      const onMessage = (message: { type: string; lists?: string[][] }): void => {
        if (message.type !== 'cursors') return;
        this.child.off('message', onMessage);
        resolve(message.lists ?? []);
      };
      this.child.on('message', onMessage);
    });
    this.child.send({ type: 'cursors' });
    return lists;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.connected) this.child.send({ type: 'close' });
    await this.exited;
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Posts one fresh status and returns how long the gateway took to answer it. */
async function timedWebhook(gatewayUrl: string, phoneNumberId: string, timestamp: number): Promise<number> {
  const started = performance.now();
  const answer = await postStatuses(
    gatewayUrl,
    [buildWireStatus({ messageId: newWamid(), status: 'sent', recipientId: RECIPIENT, timestamp })],
    phoneNumberId,
  );
  const elapsed = performance.now() - started;
  expect(answer.status).toBe(200);
  return elapsed;
}

describe('sixty subscriptions replaying from the oldest cursor', () => {
  let gateway: TestGateway;
  let redis: Redis;
  // A redis-server of its own: the backlog is large, and no other suite may flush it or share its stream.
  let server: RedisProcess;
  let subscribers: ReplayingSubscribers | undefined;

  beforeAll(async () => {
    server = await RedisProcess.start();
    gateway = await startLiveGateway(server.url, { LOG_LEVEL: 'warn' });
    redis = await openTestRedis(server.url);
  });
  afterAll(async () => {
    await subscribers?.close();
    await redis?.quit();
    await gateway?.close();
    await server?.remove();
  });

  it('keep webhook p99 under 100 ms and memory bounded; each gets every event exactly once', async () => {
    const pn = uniquePhoneNumberId();
    const t0 = Math.floor(Date.now() / 1000) - 3_600;
    const statuses = Array.from({ length: STORED_EVENTS }, (_, i) =>
      buildWireStatus({ messageId: newWamid(), status: 'sent', recipientId: RECIPIENT, timestamp: t0 + i }),
    );
    for (let i = 0; i < statuses.length; i += PER_BODY * 4) {
      const bodies = [0, 1, 2, 3].map((k) => statuses.slice(i + k * PER_BODY, i + (k + 1) * PER_BODY));
      const answers = await Promise.all(
        bodies.filter((b) => b.length > 0).map((b) => postStatuses(gateway.url, b, pn)),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    }
    const [oldest] = await streamCursors(redis);

    // The same webhooks with nothing else running: on a loaded machine the budget is read above this.
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_WEBHOOKS; i += 1)
      baseline.push(await timedWebhook(gateway.url, pn, t0 + 5_000 + i));
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;

    const replays = ReplayingSubscribers.start(gateway.url, pn, oldest!, SUBSCRIPTIONS);
    subscribers = replays;
    // Webhooks while the replays run: each one is also a live event every subscriber must get once.
    // Only webhooks posted while some replay still runs count, up to WEBHOOKS_MEASURED of them.
    const replaying = (): boolean => !replays.allReached(STORED_EVENTS);
    const during: number[] = [];
    for (let i = 0; during.length < WEBHOOKS_MEASURED && replaying(); i += 1) {
      during.push(await timedWebhook(gateway.url, pn, t0 + 6_000 + i));
    }

    // The heap kept while replays still run (collections pause the gateway: only after the timing).
    const expected = (await streamCursors(redis)).slice(1);
    let heapPeak = heapBefore;
    // A generous bound: under the whole suite on two cores the replays share the CPU with other workers,
    // and every full collection below also pauses the gateway (it runs in this process); on a slow
    // two-core runner they took up to 150 s.
    const deadline = Date.now() + 400_000;
    while (!replays.allReached(expected.length)) {
      if (Date.now() > deadline) throw new Error('The replays did not finish within 400 s.');
      collectGarbage();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    expect(replays.errors).toEqual(replays.errors.map(() => null));
    expect(await replays.cursorLists()).toEqual(replays.errors.map(() => expected));
    // Enough webhooks overlapped the replays for a p99 (else the timing says nothing).
    expect(during.length).toBeGreaterThanOrEqual(MIN_WEBHOOKS_MEASURED);
    const p99 = percentile(during, 99);
    const baselineP99 = percentile(baseline, 99);
    // The budget is 100 ms on an idle machine; a CI runner slower across the board shows it in the baseline
    // measured just before, on the same gateway, and is allowed that much more.
    expect({ p99, baselineP99, within: p99 <= WEBHOOK_P99_BUDGET_MS + baselineP99 }).toEqual({
      p99,
      baselineP99,
      within: true,
    });
    expect(heapPeak - heapBefore).toBeLessThan(HEAP_GROWTH_BUDGET_BYTES);
  }, 600_000);
});
