import { forkBenchScript, type BenchProcess } from '../support/child-process';
import { cpuMicros } from '../support/proc-stats';
import {
  histogramQuantile,
  mergeHistograms,
  type FleetCollected,
  type FleetCommand,
  type FleetCounts,
  type FleetOptions,
  type FleetReply,
  type FleetVerdict,
} from './fleet-protocol';

/** The parent's side of one or more subscriber fleet processes. */
export class Fleets {
  private constructor(private readonly processes: BenchProcess[]) {}

  /** Spreads `options.count` subscribers over `processCount` processes and waits until all subscribed. */
  static async start(options: FleetOptions, processCount: number, timeoutMs = 120_000): Promise<Fleets> {
    const per = Math.ceil(options.count / processCount);
    const started = await Promise.allSettled(
      Array.from({ length: processCount }, (_, index) =>
        forkBenchScript(
          'clients/subscriber-fleet.js',
          { ...options, count: Math.min(per, options.count - index * per) },
          timeoutMs,
        ),
      ),
    );
    const processes = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) {
      await Promise.all(processes.map((child) => child.stop()));
      throw (failed as PromiseRejectedResult).reason;
    }
    return new Fleets(processes);
  }

  rss(): number {
    return this.processes.reduce((sum, child) => sum + child.rss(), 0);
  }

  /** CPU time the fleet's processes have used so far, in microseconds. */
  cpuMicros(): number {
    return this.processes.reduce((sum, child) => sum + cpuMicros(child.pid), 0);
  }

  async counts(): Promise<FleetCounts> {
    const all = await this.ask<{ type: 'counts'; counts: FleetCounts }>({ type: 'counts' }, 'counts');
    return mergeCounts(all.map((reply) => reply.counts));
  }

  async reset(trackIds: boolean): Promise<void> {
    await this.ask({ type: 'reset', trackIds }, 'reset');
  }

  async collect(): Promise<FleetCollected & { latenciesMs: (q: number) => number }> {
    const all = await this.ask<{ type: 'collected'; collected: FleetCollected }>(
      { type: 'collect' },
      'collected',
    );
    const histogram = mergeHistograms(all.map(({ collected }) => collected.histogram));
    const latenciesMs = (q: number): number => histogramQuantile(histogram, q);
    return { ...mergeCounts(all.map((reply) => reply.collected)), histogram, latenciesMs };
  }

  async verify(expected: Record<string, string[]>): Promise<FleetVerdict> {
    const all = await this.ask<{ type: 'verdict'; verdict: FleetVerdict }>(
      { type: 'verify', expected },
      'verdict',
    );
    return all.reduce(
      (sum, { verdict }) => ({
        missing: sum.missing + verdict.missing,
        duplicates: sum.duplicates + verdict.duplicates,
        unexpected: sum.unexpected + verdict.unexpected,
        delivered: sum.delivered + verdict.delivered,
      }),
      { missing: 0, duplicates: 0, unexpected: 0, delivered: 0 },
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.stop()));
  }

  private ask<R extends FleetReply>(command: FleetCommand, replyType: FleetReply['type']): Promise<R[]> {
    return Promise.all(
      this.processes.map(
        (child) =>
          new Promise<R>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`fleet did not answer ${command.type}`)), 30_000);
            const onMessage = (message: FleetReply): void => {
              if (message.type !== replyType) return;
              clearTimeout(timer);
              child.child.off('message', onMessage);
              resolve(message as R);
            };
            child.child.on('message', onMessage);
            child.child.send(command);
          }),
      ),
    );
  }
}

function mergeCounts(all: FleetCounts[]): FleetCounts {
  const finite = (values: number[], pick: (...v: number[]) => number): number => {
    const kept = values.filter(Number.isFinite);
    return kept.length === 0 ? Number.NaN : pick(...kept);
  };
  return {
    received: all.reduce((sum, counts) => sum + counts.received, 0),
    minPerSubscriber: all.length === 0 ? 0 : Math.min(...all.map((counts) => counts.minPerSubscriber)),
    dropped: all.reduce((sum, counts) => sum + counts.dropped, 0),
    subscribedAt: finite(
      all.map((counts) => counts.subscribedAt),
      Math.min,
    ),
    lastReceiptAt: finite(
      all.map((counts) => counts.lastReceiptAt),
      Math.max,
    ),
  };
}
