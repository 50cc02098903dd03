import 'reflect-metadata';
import { GatewayErrorCode } from '../../../src/graphql';
import { MemorySendRateLimiter } from '../../../src/messages';
import {
  RateLimitedSender,
  type SendCommand,
  type SendMessageFields,
  type SendOutcome,
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
