import { type TestGateway, waitFor } from '../../support/gateway-harness';
import { flushDatabase, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { StatusSubscriber } from './support/status-subscriber';

const REDIS_URL = redisDatabaseUrl(3);

/** The simulator's username scenarios (docs/simulator.md): statuses or inbound messages by BSUID only. */
const USERNAME = '+12025550140';
const USERNAME_BSUID = 'US.100012025550140';
const WRITES_FIRST = '+12025550142';
const WRITES_FIRST_BSUID = 'US.100012025550142';

const SEND = /* GraphQL */ `
  mutation Send($to: String!, $key: String) {
    sendMessage(input: { to: $to, text: { body: "Hi" }, idempotencyKey: $key }) {
      message {
        id
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
      recipient
      waId
      recipientUserId
      status
    }
  }
`;

const CONTACT = /* GraphQL */ `
  query Contact($id: String!) {
    contact(id: $id) {
      id
      phone
      waId
      userId
      username
      profileName
      lastInboundAt
      serviceWindow {
        open
        expiresAt
      }
    }
  }
`;

describe('customers with WhatsApp usernames (BSUIDs), end to end through the simulator, on Redis (case 50)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL);
  });
  afterAll(async () => {
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  const send = async (to: string): Promise<string> => {
    const { body } = await gateway.graphql<{ sendMessage: { message: { id: string } | null } }>(SEND, { to });
    expect(body.errors).toBeUndefined();
    return body.data!.sendMessage.message!.id;
  };

  const contact = async (id: string) => {
    const { body } = await gateway.graphql<{ contact: Record<string, unknown> | null }>(CONTACT, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.contact;
  };

  it('follows a message whose statuses name the customer by BSUID only, by its BSUID', async () => {
    const subscriber = StatusSubscriber.open(gateway.url, { recipient: USERNAME_BSUID });
    try {
      // The subscription is live once it hears a probe send's own statuses.
      await subscriber.untilLive(async () => void (await send(USERNAME)));
      const id = await send(USERNAME);
      const read = await subscriber.waitForEvent((e) => e.message.id === id && e.status === 'READ');
      expect(read.message.recipient).toBe(USERNAME);
      expect(subscriber.events.filter((e) => e.message.id === id).map((e) => e.status)).toEqual([
        'SENT',
        'DELIVERED',
        'READ',
      ]);

      const { body } = await gateway.graphql<{ message: Record<string, unknown> }>(MESSAGE, { id });
      expect(body.data?.message).toEqual({
        recipient: USERNAME,
        waId: USERNAME.slice(1),
        recipientUserId: USERNAME_BSUID,
        status: 'READ',
      });
      // The send named the number and Meta the BSUID of the same message: one contact, either name finds it.
      expect(await contact(USERNAME_BSUID)).toMatchObject({
        id: USERNAME_BSUID,
        phone: USERNAME,
        userId: USERNAME_BSUID,
      });
      expect(await contact(USERNAME)).toMatchObject({ id: USERNAME_BSUID });

      const listed = await gateway.graphql<{ messages: { nodes: Array<{ id: string }> } }>(
        `query ($r: String!) { messages(filter: { recipient: $r }, first: 50) { nodes { id } } }`,
        { r: USERNAME_BSUID },
      );
      expect(listed.body.data?.messages.nodes.map((n) => n.id)).toContain(id);
    } finally {
      await subscriber.close();
    }
  });

  it('learns a customer who writes by BSUID only, with their username and service window', async () => {
    const before = Date.now();
    await send(WRITES_FIRST);
    const found = await waitFor(async () => (await contact(WRITES_FIRST_BSUID)) ?? undefined);
    expect(found).toMatchObject({
      id: WRITES_FIRST_BSUID,
      userId: WRITES_FIRST_BSUID,
      username: '@sim.customer',
      profileName: 'José Müller',
      serviceWindow: { open: true },
    });
    expect(Date.parse(found['lastInboundAt'] as string)).toBeGreaterThanOrEqual(
      Math.floor(before / 1000) * 1000,
    );
  });

  it('answers BAD_USER_INPUT for a contact id that is neither a number nor a BSUID', async () => {
    const { body } = await gateway.graphql(CONTACT, { id: 'not a customer' });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
