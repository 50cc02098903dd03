import { type TestGateway } from '../../support/gateway-harness';
import { flushDatabase, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { newWamid, postStatus, uniquePhoneNumberId } from './support/live-webhooks';
import { StatusSubscriber } from './support/status-subscriber';

const REDIS_URL = redisDatabaseUrl(10);
const RECIPIENT = '12025550185';

describe('two gateways on one Redis', () => {
  let receiving: TestGateway;
  let serving: TestGateway;
  let subscriber: StatusSubscriber | undefined;

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    [receiving, serving] = await Promise.all([startLiveGateway(REDIS_URL), startLiveGateway(REDIS_URL)]);
  });
  afterAll(async () => {
    await subscriber?.close();
    await Promise.all([receiving?.close(), serving?.close()]);
    await flushDatabase(REDIS_URL);
  });

  it('a webhook posted to one reaches a subscriber on the other, and both read the same state', async () => {
    const pn = uniquePhoneNumberId();
    subscriber = StatusSubscriber.open(serving.url, { phoneNumberId: pn });
    // Probes go through the other gateway too: being live already proves the crossing.
    await subscriber.untilLive(() =>
      postStatus(receiving.url, {
        messageId: newWamid(),
        status: 'sent',
        recipientId: RECIPIENT,
        phoneNumberId: pn,
      }),
    );

    const id = newWamid();
    await postStatus(receiving.url, {
      messageId: id,
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await postStatus(receiving.url, {
      messageId: id,
      status: 'delivered',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await subscriber.waitForEvent((e) => e.message.id === id && e.status === 'DELIVERED');
    expect(subscriber.events.filter((e) => e.message.id === id).map((e) => e.status)).toEqual([
      'SENT',
      'DELIVERED',
    ]);

    const query = 'query ($id: ID!) { message(id: $id) { status statusHistory { cursor } } }';
    const [fromServing, fromReceiving] = await Promise.all([
      serving.graphql(query, { id }),
      receiving.graphql(query, { id }),
    ]);
    expect(fromServing.body).toEqual(fromReceiving.body);
    expect(fromServing.body.data).toMatchObject({ message: { status: 'DELIVERED' } });
  });
});
