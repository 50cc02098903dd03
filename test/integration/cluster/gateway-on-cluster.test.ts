import { waitFor, startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { StatusSubscriber } from '../live/support/status-subscriber';
import { startRedisCluster, type RedisClusterProcess } from './redis-cluster-process';

const SEND = /* GraphQL */ `
  mutation Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        status
        statusHistory {
          status
          cursor
        }
      }
      error {
        code
      }
    }
  }
`;

const MESSAGE = /* GraphQL */ `
  query Message($id: ID!) {
    message(id: $id) {
      status
    }
  }
`;

interface SendResult {
  sendMessage: {
    message: { id: string; status: string; statusHistory: Array<{ status: string; cursor: string }> } | null;
    error: { code: number } | null;
  };
}

describe('the gateway on a three-master Redis Cluster', () => {
  let cluster: RedisClusterProcess;
  let gateway: TestGateway;
  const subscribers: StatusSubscriber[] = [];

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    gateway = await startTestGateway({ REDIS_CLUSTER_NODES: cluster.nodeList });
  }, 60_000);

  afterAll(async () => {
    for (const s of subscribers) await s.close();
    await gateway?.close();
    await cluster?.stop();
  });

  it('sends, stores the webhooks, answers READ and streams the events to subscribers', async () => {
    // The ordinary scenario: accepted, then sent → delivered → read by webhook (docs/simulator.md).
    const sent = await gateway.graphql<SendResult>(SEND, {
      input: { to: '+12025550100', text: { body: 'Your order has shipped' } },
    });
    expect(sent.body.errors).toBeUndefined();
    const message = sent.body.data!.sendMessage.message!;
    expect(message).not.toBeNull();
    const accepted = message.statusHistory[0]!.cursor;

    // Subscribed after the send, from its first event: the rest comes by replay, live, or both.
    const subscriber = StatusSubscriber.open(gateway.url, { messageId: message.id, since: accepted });
    subscribers.push(subscriber);
    const read = await subscriber.waitForEvent((e) => e.status === 'READ');
    expect(read.message).toMatchObject({ id: message.id, status: 'READ' });
    expect(subscriber.events.map((e) => e.status)).toEqual(['SENT', 'DELIVERED', 'READ']);

    await waitFor(async () => {
      const { body } = await gateway.graphql<{ message: { status: string } | null }>(MESSAGE, {
        id: message.id,
      });
      return body.data?.message?.status === 'READ';
    });

    // Resuming from a cursor the subscription handed out gives exactly what followed it.
    const resumed = StatusSubscriber.open(gateway.url, {
      messageId: message.id,
      since: subscriber.events[0]!.cursor,
    });
    subscribers.push(resumed);
    await resumed.waitForCount(2);
    expect(resumed.events.map((e) => e.status)).toEqual(['DELIVERED', 'READ']);
  });

  it('answers ready with the cluster behind it', async () => {
    const response = await fetch(`${gateway.url}/readyz`);
    expect(response.status).toBe(200);
  });
});
