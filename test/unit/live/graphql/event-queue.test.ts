import { EventQueue } from '../../../../src/live/graphql/event-queue';

describe('EventQueue', () => {
  it('delivers pushed items in push order, promises included', async () => {
    const queue = new EventQueue<number>(() => undefined);
    let release!: (value: number) => void;
    queue.push(new Promise<number>((resolve) => (release = resolve)));
    queue.push(2);
    const first = queue.next();
    release(1);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
  });

  it('rejects a reader that is already waiting when it fails', async () => {
    const onClose = jest.fn();
    const queue = new EventQueue<number>(onClose);
    const waiting = queue.next();
    queue.fail(new Error('cursor expired'));
    await expect(waiting).rejects.toThrow('cursor expired');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects the next read when it failed with nobody waiting', async () => {
    const queue = new EventQueue<number>(() => undefined);
    queue.fail(new Error('too slow'));
    await expect(queue.next()).rejects.toThrow('too slow');
  });

  it('ends a waiting reader at once on return, and closes once', async () => {
    const onClose = jest.fn();
    const queue = new EventQueue<number>(onClose);
    const waiting = queue.next();
    await queue.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    queue.push(3);
    await queue.return();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('fails a waiting reader when a pushed promise rejects', async () => {
    const queue = new EventQueue<number>(() => undefined);
    const waiting = queue.next();
    queue.push(Promise.reject(new Error('record missing')));
    await expect(waiting).rejects.toThrow('record missing');
  });
});
