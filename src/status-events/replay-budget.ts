/**
 * How many replays run at once on one engine; the others wait their turn, first come first served. A
 * replay reads, loads and renders the stream as fast as Redis answers: sixty of them at once took the
 * event loop from webhooks and live deliveries for seconds (RELIABILITY 47).
 */
export class ReplayBudget {
  private running = 0;
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
