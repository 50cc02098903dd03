import 'reflect-metadata';
import { GatewayErrorCode } from '../../../src/graphql';
import {
  RateLimitedSender,
  SendRateLimitedError,
  parseSendCommand,
  type SendCommand,
  type SendMessageFields,
  type SendOutcome,
  MemorySendRateLimiter,
} from '../../../src/sending';
import { throughResolver } from './send-through';

describe('RateLimitedSender', () => {
  const sent: SendCommand[] = [];
  const inner = {
    send: (command: SendCommand): Promise<SendOutcome> => {
      sent.push(command);
      return Promise.reject(new Error('stops here: only the calls let through matter'));
    },
  };
  let now = 0;
  const sender = throughResolver(
    new RateLimitedSender({
      inner,
      limiter: new MemorySendRateLimiter({ ratePerSecond: 1, now: () => now }),
      ratePerSecond: 1,
      now: () => now,
    }),
    '106540352242922',
  );
  const input = (extra: Partial<SendMessageFields> = {}): SendMessageFields => ({
    to: '+12025550100',
    text: { body: 'Hello' },
    ...extra,
  });

  beforeEach(() => {
    sent.length = 0;
    now += 60_000;
  });

  it('lets a send within the rate through, and refuses the next with RATE_LIMITED and a retry-after', async () => {
    await expect(sender.send(input())).rejects.toThrow('stops here');
    now += 250;
    await expect(sender.send(input())).rejects.toMatchObject({
      message: 'This sender is above its limit of 1 messages a second; retry after 750 ms.',
      extensions: { code: GatewayErrorCode.RATE_LIMITED, retryAfterSeconds: 1, retryAfterMs: 750 },
    });
    expect(sent).toHaveLength(1);
  });

  it('counts per sender', async () => {
    await expect(sender.send(input())).rejects.toThrow('stops here');
    await expect(sender.send(input({ phoneNumberId: '222' }))).rejects.toThrow('stops here');
    expect(sent).toHaveLength(2);
  });

  it('refuses bad input first, without spending a token', async () => {
    await expect(sender.send(input({ to: 'not a number' }))).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.BAD_USER_INPUT, field: 'input.to' },
    });
    await expect(sender.send(input())).rejects.toThrow('stops here');
    expect(sent).toHaveLength(1);
  });
});

describe('RateLimitedSender, leasing tokens in blocks', () => {
  const command = (phoneNumberId = '106540352242922'): SendCommand =>
    parseSendCommand({ to: '+12025550100', text: { body: 'Hello' } }, phoneNumberId, 'k-test');
  const passed = { send: (): Promise<SendOutcome> => Promise.reject(new Error('let through')) };

  function countingLimiter(ratePerSecond: number, now: () => number, burst?: number) {
    const limiter = new MemorySendRateLimiter({ ratePerSecond, now, ...(burst !== undefined && { burst }) });
    const asked: number[] = [];
    return {
      asked,
      take: (scope: string) => limiter.take(scope),
      takeUpTo: (scope: string, count: number) => {
        asked.push(count);
        return limiter.takeUpTo(scope, count);
      },
    };
  }

  it('takes a tenth of a second of the rate per round trip, and the next block when half of one is spent', async () => {
    const now = 1_000;
    const limiter = countingLimiter(100, () => now);
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 100, now: () => now });
    for (let i = 0; i < 5; i++) await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([10]);
    // The sixth leaves 4 of 10: the next block is asked for while the lease still covers the next sends.
    await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([10, 10]);
    // 4 left and 10 more: 14, and the next block is asked for again when 4 are left.
    for (let i = 0; i < 9; i++) await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([10, 10]);
    await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([10, 10, 10]);
  });

  it('refuses no send the lease covers when the block taken early is refused', async () => {
    const now = 1_000;
    const limiter = countingLimiter(100, () => now, 10);
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 100, now: () => now });
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push(await sender.send(command()).catch((error: unknown) => error));
    expect(limiter.asked).toEqual([10, 10, 10]);
    expect(outcomes.slice(0, 10).map(String)).toEqual(Array(10).fill('Error: let through'));
    expect(outcomes[10]).toBeInstanceOf(SendRateLimitedError);
  });

  it('asks a failing limiter once for the early block, not on every send the lease covers', async () => {
    const now = 1_000;
    const asked: number[] = [];
    const limiter = {
      take: () => Promise.reject(new Error('unused')),
      takeUpTo: (_scope: string, count: number) => {
        asked.push(count);
        return asked.length === 1
          ? Promise.resolve({ granted: count, retryAfterMs: 0 })
          : Promise.reject(new Error('Redis is down'));
      },
    };
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 100, now: () => now });
    for (let i = 0; i < 10; i++) await expect(sender.send(command())).rejects.toThrow('let through');
    expect(asked).toEqual([10, 10]);
    await expect(sender.send(command())).rejects.toThrow('Redis is down');
  });

  it('lets an unspent block lapse with its lease instead of hoarding it', async () => {
    let now = 1_000;
    const limiter = countingLimiter(100, () => now);
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 100, now: () => now });
    await expect(sender.send(command())).rejects.toThrow('let through');
    now += 101;
    await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([10, 10]);
  });

  it('never lets more through than the bucket holds: the burst, then RATE_LIMITED', async () => {
    const now = 1_000;
    const limiter = countingLimiter(100, () => now);
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 100, now: () => now });
    const outcomes = await Promise.allSettled(Array.from({ length: 120 }, () => sender.send(command())));
    const through = outcomes.filter(
      (o) => o.status === 'rejected' && String(o.reason).includes('let through'),
    );
    const limited = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof SendRateLimitedError,
    );
    expect(through).toHaveLength(100);
    expect(limited).toHaveLength(20);
  });

  it('keeps one token per round trip at low rates', async () => {
    let now = 1_000;
    const limiter = countingLimiter(5, () => now);
    const sender = new RateLimitedSender({ inner: passed, limiter, ratePerSecond: 5, now: () => now });
    await expect(sender.send(command())).rejects.toThrow('let through');
    now += 1;
    await expect(sender.send(command())).rejects.toThrow('let through');
    expect(limiter.asked).toEqual([1, 1]);
  });
});

describe('MemorySendRateLimiter.takeUpTo', () => {
  it('grants the whole tokens there are, up to the count, then says how long until the next', async () => {
    const limiter = new MemorySendRateLimiter({ ratePerSecond: 4, burst: 5, now: () => 0 });
    expect(await limiter.takeUpTo('a', 3)).toEqual({ granted: 3, retryAfterMs: 0 });
    expect(await limiter.takeUpTo('a', 3)).toEqual({ granted: 2, retryAfterMs: 0 });
    expect(await limiter.takeUpTo('a', 3)).toEqual({ granted: 0, retryAfterMs: 250 });
  });
});
