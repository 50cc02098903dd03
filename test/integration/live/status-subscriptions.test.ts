import { type Redis } from 'ioredis';
import { createMessageKeys } from '../../../src/messages/redis/keys';
import { decodeStatusEvent } from '../../../src/messages/status-event-codec';
import { buildWireStatus } from '../../../src/simulator';
import { type TestGateway, waitFor } from '../../support/gateway-harness';
import {
  flushDatabase,
  openTestRedis,
  redisDatabaseUrl,
  startLiveGateway,
  streamCursors,
} from './support/live-gateway';
import { newWamid, postStatus, postStatuses, uniquePhoneNumberId } from './support/live-webhooks';
import { type ReceivedStatusEvent, StatusSubscriber } from './support/status-subscriber';

const REDIS_URL = redisDatabaseUrl(7);
const SHORT_STREAM_REDIS_URL = redisDatabaseUrl(8);
const T0 = 1_750_000_000;

/** The stream's events (cursor, phone number) as Redis holds them: what a subscriber is checked against. */
async function streamEvents(redis: Redis): Promise<Array<{ cursor: string; phoneNumberId: string }>> {
  const entries = await redis.xrange(createMessageKeys('wa:').stream, '-', '+');
  return entries.map(([id, fields]) => {
    const event = decodeStatusEvent(fields[fields.indexOf('e') + 1]!, id);
    return { cursor: event.cursor, phoneNumberId: event.phoneNumberId };
  });
}

function expectStrictlyIncreasing(cursors: string[]): void {
  const parsed = cursors.map((c) => c.split('-').map(Number) as [number, number]);
  for (let i = 1; i < parsed.length; i += 1) {
    const [pm, ps] = parsed[i - 1]!;
    const [m, s] = parsed[i]!;
    expect(m > pm || (m === pm && s > ps)).toBe(true);
  }
}

describe('messageStatusChanged over graphql-ws, on Redis', () => {
  let gateway: TestGateway;
  let redis: Redis;
  const subscribers: StatusSubscriber[] = [];
  const open = (args: Parameters<typeof StatusSubscriber.open>[1]): StatusSubscriber => {
    const subscriber = StatusSubscriber.open(gateway.url, args);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL);
    redis = await openTestRedis(REDIS_URL);
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await redis?.quit();
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  /** Posts one status and answers the cursor it got, read back through GraphQL. */
  const postAndCursor = async (messageId: string, phoneNumberId: string, recipientId: string) => {
    await postStatus(gateway.url, { messageId, status: 'sent', recipientId, timestamp: T0, phoneNumberId });
    const { body } = await gateway.graphql<{ message: { statusHistory: Array<{ cursor: string }> } }>(
      'query ($id: ID!) { message(id: $id) { statusHistory { cursor } } }',
      { id: messageId },
    );
    return body.data!.message.statusHistory.at(-1)!.cursor;
  };

  it('delivers only the events each filter asks for (messageId, recipient, phoneNumberId)', async () => {
    const [pnA, pnB] = [uniquePhoneNumberId(), uniquePhoneNumberId()];
    const [r1, r2] = ['4420' + pnA.slice(-7), '4421' + pnB.slice(-7)];
    const [m1, m2, m3] = [newWamid(), newWamid(), newWamid()];
    const base = await postAndCursor(newWamid(), pnA, r2);

    // Replay then live: with `since` there is no window in which an event could be missed.
    const byMessage = open({ messageId: m1, since: base });
    const byRecipient = open({ recipient: `+${r1}`, since: base });
    // Without `since`: live only, probed until the server delivers.
    const byPhoneNumber = open({ phoneNumberId: pnA });
    await byPhoneNumber.untilLive(() =>
      postStatus(gateway.url, { messageId: newWamid(), status: 'sent', recipientId: r2, phoneNumberId: pnA }),
    );

    const steps: Array<[string, 'sent' | 'delivered' | 'read', string, string]> = [
      [m1, 'sent', pnA, r1],
      [m2, 'sent', pnA, r2],
      [m3, 'sent', pnB, r1],
      [m1, 'delivered', pnA, r1],
      [m3, 'delivered', pnB, r1],
      [m2, 'read', pnA, r2],
      [m1, 'read', pnA, r1], // matches all three: once it arrives, nothing else is still on the way
    ];
    for (const [messageId, status, phoneNumberId, recipientId] of steps) {
      await postStatus(gateway.url, { messageId, status, recipientId, phoneNumberId, timestamp: T0 + 10 });
    }
    const lastOf = (subscriber: StatusSubscriber) =>
      subscriber.waitForEvent((e) => e.message.id === m1 && e.status === 'READ');
    await Promise.all([lastOf(byMessage), lastOf(byRecipient), lastOf(byPhoneNumber)]);

    const seen = (subscriber: StatusSubscriber) =>
      subscriber.events
        .filter((e) => [m1, m2, m3].includes(e.message.id))
        .map((e) => `${[m1, m2, m3].indexOf(e.message.id) + 1}:${e.status}`);
    expect(seen(byMessage)).toEqual(['1:SENT', '1:DELIVERED', '1:READ']);
    expect(seen(byRecipient)).toEqual(['1:SENT', '3:SENT', '1:DELIVERED', '3:DELIVERED', '1:READ']);
    expect(seen(byPhoneNumber)).toEqual(['1:SENT', '2:SENT', '1:DELIVERED', '2:READ', '1:READ']);
    // The message rides along as it stands after the event.
    expect(byRecipient.events.find((e) => e.message.id === m3 && e.status === 'DELIVERED')).toMatchObject({
      previousStatus: 'SENT',
      message: { id: m3, recipient: `+${r1}`, phoneNumberId: pnB, status: 'DELIVERED', conflict: false },
    });
  });

  it('replays after `since` and goes live with no gap and no duplicate at the seam', async () => {
    const pn = uniquePhoneNumberId();
    const base = await postAndCursor(newWamid(), pn, '12025550182');
    const total = 300;
    let posted = 0;
    // Webhooks keep arriving before, during and after the subscription starts.
    const posting = (async () => {
      for (; posted < total; posted += 1) {
        await postStatus(gateway.url, {
          messageId: newWamid(),
          status: 'sent',
          recipientId: '12025550182',
          timestamp: T0 + posted,
          phoneNumberId: pn,
        });
      }
    })();
    await waitFor(() => posted >= 100, 10_000);
    const subscriber = open({ phoneNumberId: pn, since: base });
    await posting;
    const received = await subscriber.waitForCount(total);

    const expected = (await streamEvents(redis))
      .filter((e) => e.phoneNumberId === pn)
      .map((e) => e.cursor)
      .filter((cursor) => cursor !== base);
    const cursors = received.map((e: ReceivedStatusEvent) => e.cursor);
    expect(cursors).toHaveLength(total);
    expectStrictlyIncreasing(cursors);
    expect(cursors).toEqual(expected);
  });
});

describe('a `since` older than the stream keeps', () => {
  let gateway: TestGateway;
  let subscriber: StatusSubscriber | undefined;

  beforeAll(async () => {
    await flushDatabase(SHORT_STREAM_REDIS_URL);
    gateway = await startLiveGateway(SHORT_STREAM_REDIS_URL, { STREAM_MAX_LENGTH: '100' });
  });
  afterAll(async () => {
    await subscriber?.close();
    await gateway?.close();
    await flushDatabase(SHORT_STREAM_REDIS_URL);
  });

  it('ends the subscription with a clear error instead of a silent gap', async () => {
    const pn = uniquePhoneNumberId();
    const first = newWamid();
    await postStatus(gateway.url, {
      messageId: first,
      status: 'sent',
      recipientId: '12025550183',
      phoneNumberId: pn,
    });
    const { body } = await gateway.graphql<{ message: { statusHistory: Array<{ cursor: string }> } }>(
      'query ($id: ID!) { message(id: $id) { statusHistory { cursor } } }',
      { id: first },
    );
    const oldCursor = body.data!.message.statusHistory[0]!.cursor;
    // Far past the limit, in batches of 20 statuses per body.
    for (let batch = 0; batch < 20; batch += 1) {
      const statuses = Array.from({ length: 20 }, (_, i) =>
        buildWireStatus({
          messageId: newWamid(),
          status: 'sent',
          recipientId: '12025550183',
          timestamp: T0 + batch * 20 + i,
        }),
      );
      expect((await postStatuses(gateway.url, statuses, pn)).status).toBe(200);
    }
    const redis = await openTestRedis(SHORT_STREAM_REDIS_URL);
    try {
      const kept = await streamCursors(redis);
      expect(kept).not.toContain(oldCursor);
      expect(kept.length).toBeLessThan(401);
    } finally {
      await redis.quit();
    }

    subscriber = StatusSubscriber.open(gateway.url, { phoneNumberId: pn, since: oldCursor });
    const errors = await subscriber.waitForErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(errors[0]!.message).toContain(oldCursor);
    expect(errors[0]!.message).toMatch(/older than the oldest event still kept/);
    expect(subscriber.events).toEqual([]);
  });
});
