import { type Redis } from 'ioredis';
import { createMessageKeys } from '../../../src/messages/redis/keys';
import { decodeStatusEvent } from '../../../src/messages/status-event-codec';
import { buildWireStatus } from '../../../src/simulator';
import { type TestGateway } from '../../support/gateway-harness';
import { flushDatabase, openTestRedis, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { newWamid, postStatus, postStatuses, uniquePhoneNumberId } from './support/live-webhooks';
import { StatusSubscriber } from './support/status-subscriber';

const REDIS_URL = redisDatabaseUrl(9);
const RECIPIENT = '12025550184';
const MISSED = 1_000;
const PER_BODY = 10;
const T0 = 1_750_000_000;

describe('a subscriber that disconnects and resumes with `since`', () => {
  let gateway: TestGateway;
  let redis: Redis;
  const subscribers: StatusSubscriber[] = [];

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL);
    redis = await openTestRedis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await redis?.quit();
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  it(`gets every one of ${MISSED} missed events exactly once, in order, then live ones`, async () => {
    const pn = uniquePhoneNumberId();
    const first = StatusSubscriber.open(gateway.url, { phoneNumberId: pn });
    subscribers.push(first);
    await first.untilLive(() =>
      postStatus(gateway.url, {
        messageId: newWamid(),
        status: 'sent',
        recipientId: RECIPIENT,
        phoneNumberId: pn,
      }),
    );
    await postStatus(gateway.url, {
      messageId: newWamid(),
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    const [seen] = await first.waitForCount(1);
    await first.close();

    // Missed while away: several bodies at a time, several statuses per body.
    const ids = Array.from({ length: MISSED / 2 }, () => newWamid());
    const statuses = ids.flatMap((messageId, i) => [
      buildWireStatus({ messageId, status: 'sent', recipientId: RECIPIENT, timestamp: T0 + i }),
      buildWireStatus({ messageId, status: 'delivered', recipientId: RECIPIENT, timestamp: T0 + i + 1 }),
    ]);
    const bodies = Array.from({ length: MISSED / PER_BODY }, (_, i) =>
      statuses.slice(i * PER_BODY, (i + 1) * PER_BODY),
    );
    for (let i = 0; i < bodies.length; i += 4) {
      const answers = await Promise.all(bodies.slice(i, i + 4).map((b) => postStatuses(gateway.url, b, pn)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    }

    const resumed = StatusSubscriber.open(gateway.url, { phoneNumberId: pn, since: seen!.cursor });
    subscribers.push(resumed);
    await resumed.waitForCount(MISSED, 20_000);
    // One more, live, after the replay: it follows with nothing repeated before it.
    const liveId = newWamid();
    await postStatus(gateway.url, {
      messageId: liveId,
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await resumed.waitForEvent((e) => e.message.id === liveId);

    const expected = (await redis.xrange(createMessageKeys('wa:').stream, '-', '+'))
      .map(([id, fields]) => decodeStatusEvent(fields[fields.indexOf('e') + 1]!, id))
      .filter((e) => e.phoneNumberId === pn)
      .map((e) => e.cursor);
    const after = expected.slice(expected.indexOf(seen!.cursor) + 1);
    expect(after).toHaveLength(MISSED + 1);
    const received = resumed.events.map((e) => e.cursor);
    expect(received).toEqual(after);
    expect(new Set(received).size).toBe(received.length);
    // Each message's two statuses arrive in the order they were stored.
    const order = resumed.events.filter((e) => e.message.id === ids[0]).map((e) => e.status);
    expect(order).toEqual(['SENT', 'DELIVERED']);
  });
});
