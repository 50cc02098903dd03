import 'reflect-metadata';
import { GatewayErrorCode, RateLimitedSender, type SendOutcome } from '../../../src/graphql';
import { type SendMessageInput } from '../../../src/graphql/inputs/send-message.input';
import { MemorySendRateLimiter } from '../../../src/messages';

describe('RateLimitedSender', () => {
  const sent: SendMessageInput[] = [];
  const inner = {
    send: (input: SendMessageInput): Promise<SendOutcome> => {
      sent.push(input);
      return Promise.reject(new Error('stops here: only the calls let through matter'));
    },
  };
  let now = 0;
  const sender = new RateLimitedSender({
    inner,
    limiter: new MemorySendRateLimiter({ ratePerSecond: 1, now: () => now }),
    defaultPhoneNumberId: '106540352242922',
    ratePerSecond: 1,
  });
  const input = (extra: Partial<SendMessageInput> = {}): SendMessageInput =>
    ({ to: '+12025550100', text: { body: 'Hello' }, ...extra }) as SendMessageInput;

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
