/**
 * What graphql-js and graphql-ws hold for a subscription whose transport writes its payloads itself: an
 * iterator that yields nothing and ends when the client completes it, the socket closes, or the stream
 * fails (graphql-ws then sends the failure as the operation's `error` message).
 */
export class ParkedSubscription<T> implements AsyncIterableIterator<T> {
  private waiter: {
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: unknown) => void;
  } | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;
  /** Called once when the subscription ends, however it ends. */
  stop: () => void = () => undefined;

  next(): Promise<IteratorResult<T>> {
    if (this.ended) {
      const failure = this.failure;
      this.failure = null;
      return failure ? Promise.reject(failure.error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.end(null);
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.end(null);
    return Promise.reject(error);
  }

  fail(error: unknown): void {
    this.end({ error });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private end(failure: { error: unknown } | null): void {
    if (this.ended) return;
    this.ended = true;
    this.stop();
    const waiter = this.waiter;
    this.waiter = null;
    if (!waiter) this.failure = failure;
    else if (failure) waiter.reject(failure.error);
    else waiter.resolve({ value: undefined, done: true });
  }
}
