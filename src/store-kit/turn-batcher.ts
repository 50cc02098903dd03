/**
 * Gathers the items added in one turn of the event loop and runs one batch of them, after the turn's I/O
 * callbacks (`setImmediate`): each caller gets the result at its item's index, or the batch's error. A batch
 * that answers a different number of results than it was given items fails every caller.
 */
export class TurnBatcher<T, R> {
  private items: T[] = [];
  private resolves: Array<(result: R) => void> = [];
  private rejects: Array<(error: unknown) => void> = [];

  constructor(private readonly runBatch: (items: readonly T[]) => Promise<readonly R[]>) {}

  add(item: T): Promise<R> {
    if (this.items.length === 0) setImmediate(this.dispatch);
    this.items.push(item);
    return new Promise<R>((resolve, reject) => {
      this.resolves.push(resolve);
      this.rejects.push(reject);
    });
  }

  private readonly dispatch = (): void => {
    const { items, resolves, rejects } = this;
    this.items = [];
    this.resolves = [];
    this.rejects = [];
    const fail = (error: unknown): void => rejects.forEach((reject) => reject(error));
    let batch: Promise<readonly R[]>;
    try {
      batch = this.runBatch(items);
    } catch (error) {
      return fail(error);
    }
    batch.then((results) => {
      if (!Array.isArray(results) || results.length !== items.length) {
        return fail(new Error(`A batch of ${items.length} items answered ${describeCount(results)}.`));
      }
      resolves.forEach((resolve, i) => resolve(results[i] as R));
    }, fail);
  };
}

function describeCount(results: unknown): string {
  return Array.isArray(results) ? `${results.length} results` : 'no array of results';
}
