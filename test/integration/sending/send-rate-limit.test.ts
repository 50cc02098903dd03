import { randomUUID } from 'node:crypto';
import { waitFor } from '../../support/gateway-harness';
import { startSendFleet, type SendFleet } from './send-fleet';

describe.each([
  ['two gateways on one Redis: one budget for both', true],
  ['one gateway with the in-process limiter', false],
])('the per-sender send rate (%s)', (_name, withRedis) => {
  let fleet: SendFleet;
  beforeAll(async () => {
    // One send a second, one at most in a burst: a batch of concurrent sends surely goes over it.
    fleet = await startSendFleet(withRedis, { SEND_RATE_LIMIT_PER_SECOND: '1' });
  });
  afterAll(() => fleet?.close());

  it('refuses sends above the rate with RATE_LIMITED and a retry-after, before any upstream call', async () => {
    const to = '+12025550160';
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fleet.send(i, { to, text: { body: `Message ${i}` } })),
    );
    const sent = responses.filter(({ body }) => body.data?.sendMessage.message);
    const limited = responses.filter(({ body }) => body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(sent.length + limited.length).toBe(6);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const { status, body } of limited) {
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      const [error] = body.errors!;
      expect(error!.message).toMatch(
        /^This sender is above its limit of 1 messages a second; retry after \d+ ms\.$/,
      );
      const { retryAfterSeconds, retryAfterMs } = error!.extensions as Record<string, number>;
      expect(retryAfterMs).toBeGreaterThanOrEqual(1);
      expect(retryAfterMs).toBeLessThanOrEqual(1_000);
      expect(retryAfterSeconds).toBe(1);
    }
    // Only the sends that were let through reached the Cloud API.
    expect(fleet.simulator.sendCount(to)).toBe(sent.length);
  });

  it('answers a repeat of a completed key while the rate is spent, and lets a refused key send later', async () => {
    const to = '+12025550161';
    const done = { to, idempotencyKey: randomUUID(), text: { body: 'Sent once' } };
    const first = await waitFor(async () => {
      const response = await fleet.send(0, done);
      return response.body.data?.sendMessage.message ?? undefined;
    }, 10_000);

    // Spend the budget, then repeat the completed key: it costs no token and makes no call.
    const burst = await Promise.all(
      Array.from({ length: 4 }, (_, i) => fleet.send(i, { to, text: { body: `Filler ${i}` } })),
    );
    expect(burst.some(({ body }) => body.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toBe(true);
    const repeat = await fleet.send(1, done);
    expect(repeat.body.errors).toBeUndefined();
    expect(repeat.body.data!.sendMessage.message!.id).toBe(first.id);

    // A call refused for the rate released its key: retried with it after the wait, it sends once.
    const retried = { to: '+12025550162', idempotencyKey: randomUUID(), text: { body: 'Later' } };
    const outcomes: string[] = [];
    await waitFor(async () => {
      const response = await fleet.send(outcomes.length, retried);
      outcomes.push((response.body.errors?.[0]?.extensions?.code as string) ?? 'SENT');
      return response.body.data?.sendMessage.message ?? undefined;
    }, 10_000);
    expect(new Set(outcomes)).toEqual(new Set(outcomes.length > 1 ? ['RATE_LIMITED', 'SENT'] : ['SENT']));
    expect(fleet.simulator.sendCount('+12025550162')).toBe(1);
  });
});
