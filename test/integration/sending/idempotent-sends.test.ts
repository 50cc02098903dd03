import { randomUUID } from 'node:crypto';
import { SCENARIOS } from '../../../src/simulator';
import { OTHER_API_KEY, startSendFleet, type SendFleet } from './send-fleet';

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

describe.each([
  ['two gateways on one Redis', true],
  ['one gateway with the in-process store', false],
])('sendMessage with an idempotencyKey to a recipient whose send hangs (%s)', (_name, withRedis) => {
  const hanging = SCENARIOS.find((scenario) => scenario.name === 'hang')!.recipient;
  let fleet: SendFleet;
  beforeAll(async () => {
    // The gateway gives up after 300 ms; the simulator holds the answer for 1 s, then drops it.
    fleet = await startSendFleet(withRedis, { UPSTREAM_TIMEOUT_MS: '300' }, 2, { hangMs: 1_000 });
  });
  afterAll(() => fleet?.close());

  it('makes exactly one upstream call for 20 concurrent sends; every caller hears the outcome is unknown (docs/reliability.md, case 44)', async () => {
    const input = { to: hanging, idempotencyKey: randomUUID(), text: { body: 'Your order has shipped' } };
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => fleet.send(i, input)));
    for (const { status, body } of responses) {
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', outcomeUnknown: true });
    }
    expect(fleet.simulator.sendCount(hanging)).toBe(1);

    // A retry later, on either gateway, sends nothing: only a new key does.
    const retry = await fleet.send(1, input);
    expect(retry.body.errors![0]!.extensions).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      outcomeUnknown: true,
    });
    expect(retry.body.errors![0]!.message).toContain('new idempotencyKey');
    expect(fleet.simulator.sendCount(hanging)).toBe(1);
  });

  it('keeps the keys of two callers apart: the same key and input from two API keys sends twice (docs/reliability.md, case 45)', async () => {
    const to = '+12025550177';
    const input = { to, idempotencyKey: randomUUID(), text: { body: 'Hello' } };
    const mine = await fleet.send(0, input);
    const theirs = await fleet.sendAs(1, OTHER_API_KEY, input);
    const mineAgain = await fleet.send(1, input);
    const first = mine.body.data!.sendMessage.message!;
    const second = theirs.body.data!.sendMessage.message!;
    expect(second.id).not.toBe(first.id);
    expect(mineAgain.body.data!.sendMessage.message!.id).toBe(first.id);
    expect(fleet.simulator.sendCount(to)).toBe(2);
  });
});
