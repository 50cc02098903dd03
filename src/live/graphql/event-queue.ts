/**
 * An async iterator fed by pushes: what a subscription hands graphql-ws. Unlike an async generator, its
 * `return()` ends it at once even while it waits for the next item, so an unsubscribe never hangs on a
 * quiet stream, and `onClose` runs exactly once however it ends.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: Array<Promise<T>> = [];
  private readonly waiting: Array<{
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: unknown) => void;
  }> = [];
  private failure: { error: unknown } | null = null;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  /** Items waiting to be read; the subscriber's backlog. */
  get backlog(): number {
    return this.items.length;
  }

  /** Queues an item (or the promise of one); items are delivered in push order. */
  push(item: T | Promise<T>): void {
    if (this.closed) return;
    const next = Promise.resolve(item);
    const reader = this.waiting.shift();
    if (reader) {
      next.then(
        (value) => reader.resolve({ value, done: false }),
        (error: unknown) => {
          this.waiting.unshift(reader);
          this.fail(error);
        },
      );
    } else {
      next.catch(() => undefined); // handled when read
      this.items.push(next);
    }
  }

  /** Ends the iteration with an error after nothing more; the reader's next `next()` rejects. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.items.length = 0;
    const readers = this.waiting.splice(0);
    // A reader already waiting gets the error now; otherwise the next `next()` does.
    if (readers.length > 0) readers.forEach((reader) => reader.reject(error));
    else this.failure = { error };
    this.close();
  }

  async next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item) return { value: await item, done: false };
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      throw error;
    }
    if (this.closed) return { value: undefined, done: true };
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    for (const reader of this.waiting.splice(0)) reader.resolve({ value: undefined, done: true });
    this.close();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
