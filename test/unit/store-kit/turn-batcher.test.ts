import { TurnBatcher } from '../../../src/store-kit';

/** Resolves after the `setImmediate` callbacks queued so far (and their microtasks). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatcher', () => {
  it('runs the items added in one turn as one batch, after the turn, in the order they were added', async () => {
    const batches: number[][] = [];
    const batcher = new TurnBatcher<number, string>(async (items) => {
      batches.push([...items]);
      return items.map((item) => `r${item}`);
    });
    const results = Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)]);
    expect(batches).toEqual([]);
    await Promise.resolve();
    expect(batches).toEqual([]);
    await expect(results).resolves.toEqual(['r1', 'r2', 'r3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch for items added in a later turn', async () => {
    const batches: number[][] = [];
    const batcher = new TurnBatcher<number, number>(async (items) => {
      batches.push([...items]);
      return items.map((item) => item * 10);
    });
    const first = batcher.add(1);
    await nextTurn();
    const second = [batcher.add(2), batcher.add(3)];
    await expect(Promise.all([first, ...second])).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('takes items added while a batch is running into the next batch', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (release = resolve));
    const batcher = new TurnBatcher<string, string>(async (items) => {
      batches.push([...items]);
      if (items[0] === 'a') await running;
      return [...items];
    });
    const a = batcher.add('a');
    await nextTurn();
    const b = batcher.add('b');
    await nextTurn();
    expect(batches).toEqual([['a'], ['b']]);
    await expect(b).resolves.toBe('b');
    release();
    await expect(a).resolves.toBe('a');
  });

  it("hands results on as they are, errors included: a caller decides what an item's error means", async () => {
    const itemError = new Error('item 2 failed');
    const batcher = new TurnBatcher<number, number | Error>(async (items) =>
      items.map((item) => (item === 2 ? itemError : item)),
    );
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).resolves.toEqual([1, itemError]);
  });

  it("rejects every caller of a batch with the batch's error", async () => {
    const failure = new Error('Redis went away');
    const batcher = new TurnBatcher<number, number>(() => Promise.reject(failure));
    const results = [batcher.add(1), batcher.add(2)].map((result) => result.catch((error: unknown) => error));
    await expect(Promise.all(results)).resolves.toEqual([failure, failure]);
  });

  it('rejects every caller when the batch function throws instead of rejecting', async () => {
    const failure = new Error('thrown');
    const batcher = new TurnBatcher<number, number>(() => {
      throw failure;
    });
    await expect(batcher.add(1)).rejects.toBe(failure);
  });

  it('rejects every caller when the batch answers fewer (or more) results than items', async () => {
    const fewer = new TurnBatcher<number, number>(async (items) => items.slice(1));
    const results = [fewer.add(1), fewer.add(2)].map((result) => result.catch((error: unknown) => error));
    const [first, second] = await Promise.all(results);
    expect(first).toBeInstanceOf(Error);
    expect((first as Error).message).toBe('A batch of 2 items answered 1 results.');
    expect(second).toBe(first);

    const more = new TurnBatcher<number, number>(async (items) => [...items, 99]);
    await expect(more.add(1)).rejects.toThrow('A batch of 1 items answered 2 results.');
  });

  it('keeps working after a failed batch', async () => {
    let fail = true;
    const batcher = new TurnBatcher<number, number>(async (items) => {
      if (fail) throw new Error('once');
      return [...items];
    });
    await expect(batcher.add(1)).rejects.toThrow('once');
    fail = false;
    await expect(batcher.add(2)).resolves.toBe(2);
  });
});
