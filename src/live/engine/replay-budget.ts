import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';

/**
 * How many replays run at once on one engine (the others wait their turn, first come first served), and
 * how much of the event loop they take together. A replay reads, loads and renders the stream as fast as
 * Redis answers: sixty of them at once took the event loop from webhooks and live deliveries for seconds
 * (docs/reliability.md, case 47).
 */
export class ReplayBudget {
  private running = 0;
  /** Replays rest until then: after working d ms they leave the next d ms to everything else. */
  private resumeAt = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxConcurrent: number) {
    if (!Number.isSafeInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new Error(`maxConcurrentReplays must be a positive integer, got ${String(maxConcurrent)}.`);
    }
  }

  /** Replays running and waiting, for operators and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Between two slices of replay work: a turn of the event loop at least, and as long as the last slice
   * took when replays have been busy, so that they take at most about half of the event loop.
   */
  async pause(): Promise<void> {
    const wait = this.resumeAt - performance.now();
    if (wait > 0) await sleep(wait);
    else await yieldToLoop();
  }

  /** Records a slice of `ms` of replay work just done. */
  worked(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, performance.now() + ms);
  }

  /** Resolves when the caller may run; the function it resolves to hands the slot on (call it once). */
  async acquire(): Promise<() => void> {
    if (this.running < this.maxConcurrent) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` stays as it is.
      if (next !== undefined) next();
      else this.running -= 1;
    };
  }
}
