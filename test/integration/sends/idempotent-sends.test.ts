import { randomUUID } from 'node:crypto';
import { startSendFleet, type SendFleet } from './send-fleet';

describe.each([
  ['two gateways on one Redis', true],
  ['one gateway with the in-process store', false],
])('sendMessage with an idempotencyKey (%s)', (_name, withRedis) => {
  let fleet: SendFleet;
  beforeAll(async () => {
    fleet = await startSendFleet(withRedis);
  });
  afterAll(() => fleet?.close());

  it('makes one upstream call for 8 concurrent sends with one key; all 8 get the same message', async () => {
    const to = '+12025550150';
    const input = { to, idempotencyKey: randomUUID(), text: { body: 'Your order has shipped' } };
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => fleet.send(i, input)));

    for (const { status, body } of responses) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.sendMessage.error).toBeNull();
    }
    const ids = new Set(responses.map(({ body }) => body.data!.sendMessage.message!.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^wamid\./);
    expect(fleet.simulator.sendCount(to)).toBe(1);

    // A later retry, on either gateway, still reaches nobody.
    const retry = await fleet.send(1, input);
    expect(retry.body.data!.sendMessage.message!.id).toBe([...ids][0]);
    expect(fleet.simulator.sendCount(to)).toBe(1);
  });

  it('refuses the same key with a different input as BAD_USER_INPUT, without an upstream call', async () => {
    const to = '+12025550151';
    const key = randomUUID();
    const first = await fleet.send(0, { to, idempotencyKey: key, text: { body: 'Hello' } });
    expect(first.body.data!.sendMessage.message).not.toBeNull();

    const other = await fleet.send(1, { to, idempotencyKey: key, text: { body: 'Goodbye' } });
    expect(other.status).toBe(200);
    expect(other.body.data).toBeNull();
    expect(other.body.errors).toEqual([
      expect.objectContaining({
        message:
          'This idempotencyKey was already used for a different message; use a new key for a new message.',
        path: ['sendMessage'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' }),
      }),
    ]);
    expect(fleet.simulator.sendCount(to)).toBe(1);
  });

  it("returns Meta's permanent refusal again for a repeat, without asking Meta twice", async () => {
    const to = '+12025550112'; // undeliverable: HTTP 400, code 131026
    const input = { to, idempotencyKey: randomUUID(), text: { body: 'Hello' } };
    const first = await fleet.send(0, input);
    const repeat = await fleet.send(1, input);
    expect(first.body.data!.sendMessage.error).toMatchObject({ code: 131026, httpStatus: 400 });
    expect(repeat.body).toEqual(first.body);
    expect(fleet.simulator.sendCount(to)).toBe(1);
  });

  it("sends again after Meta's transient refusal: the key was released", async () => {
    const to = '+12025550117'; // service downtime: HTTP 503, code 2 (the client's own retries included)
    const input = { to, idempotencyKey: randomUUID(), text: { body: 'Hello' } };
    const first = await fleet.send(0, input);
    expect(first.body.data!.sendMessage.error).toMatchObject({ code: 2 });
    const afterFirst = fleet.simulator.sendCount(to);
    await fleet.send(1, input);
    expect(fleet.simulator.sendCount(to)).toBeGreaterThan(afterFirst);
  });

  it('keeps keys of different messages apart', async () => {
    const to = '+12025550152';
    await fleet.send(0, { to, idempotencyKey: randomUUID(), text: { body: 'One' } });
    await fleet.send(1, { to, idempotencyKey: randomUUID(), text: { body: 'One' } });
    await fleet.send(0, { to, text: { body: 'One' } });
    expect(fleet.simulator.sendCount(to)).toBe(3);
  });
});
