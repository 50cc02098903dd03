import { request } from 'undici';
import { type TestGateway, waitFor } from '../../support/gateway-harness';
import { startLiveGateway } from './support/live-gateway';
import {
  newWamid,
  postSignedJson,
  postStatus,
  statusWebhook,
  uniquePhoneNumberId,
} from './support/live-webhooks';
import { RedisProcess } from '../../support/redis-process';
import { StatusSubscriber } from './support/status-subscriber';

const RECIPIENT = '12025550188';
/** docs/reliability.md, case 28: the subscribers connected while Redis restarts. */
const SUBSCRIBERS = 100;

async function readiness(gateway: TestGateway): Promise<number> {
  const response = await request(`${gateway.url}/readyz`);
  await response.body.dump();
  return response.statusCode;
}

describe('Redis restarted while subscribers stream', () => {
  let redis: RedisProcess;
  let gateway: TestGateway;
  let subscribers: StatusSubscriber[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start({ persistent: true });
    gateway = await startLiveGateway(redis.url);
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await gateway?.close();
    await redis?.remove();
  });

  it('answers 503 while Redis is down, recovers, stores the retried webhook once and keeps streaming', async () => {
    const pn = uniquePhoneNumberId();
    subscribers = Array.from({ length: SUBSCRIBERS }, () =>
      StatusSubscriber.open(gateway.url, { phoneNumberId: pn }),
    );
    const probe = (): Promise<void> =>
      postStatus(gateway.url, {
        messageId: newWamid(),
        status: 'sent',
        recipientId: RECIPIENT,
        phoneNumberId: pn,
      });
    for (const one of subscribers) await one.untilLive(probe);
    const subscriber = subscribers[0]!;
    const before = newWamid();
    await postStatus(gateway.url, {
      messageId: before,
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await subscriber.waitForEvent((e) => e.message.id === before);
    expect(await readiness(gateway)).toBe(200);

    await redis.stop();
    await waitFor(async () => (await readiness(gateway)) === 503, 10_000);
    const during = newWamid();
    const payload = statusWebhook({
      messageId: during,
      status: 'delivered',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    expect(await postSignedJson(gateway.url, payload)).toEqual({
      status: 503,
      body: 'Store unavailable; retry later',
    });

    await redis.startAgain();
    await waitFor(async () => (await readiness(gateway)) === 200, 15_000);
    // Meta retries the same body (perhaps more than once): stored once, published once.
    expect((await postSignedJson(gateway.url, payload)).status).toBe(200);
    expect((await postSignedJson(gateway.url, payload)).status).toBe(200);

    const event = await subscriber.waitForEvent((e) => e.message.id === during);
    expect(event).toMatchObject({ status: 'DELIVERED', message: { id: during, status: 'DELIVERED' } });
    const { body } = await gateway.graphql<{ message: { statusHistory: Array<{ status: string }> } }>(
      'query ($id: ID!) { message(id: $id) { statusHistory { status } } }',
      { id: during },
    );
    expect(body.data!.message.statusHistory).toEqual([{ status: 'DELIVERED' }]);

    // What was stored before the outage survived it, and the same connection keeps streaming.
    const earlier = await gateway.graphql<{ message: { status: string } | null }>(
      'query ($id: ID!) { message(id: $id) { status } }',
      { id: before },
    );
    expect(earlier.body.data!.message).toEqual({ status: 'SENT' });
    const after = newWamid();
    await postStatus(gateway.url, {
      messageId: after,
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    for (const one of subscribers) {
      await one.waitForEvent((e) => e.message.id === after);
      expect(one.events.filter((e) => e.message.id === during)).toHaveLength(1);
      expect(one.errors).toBeNull();
      expect(one.completed).toBe(false);
    }
  });
});
