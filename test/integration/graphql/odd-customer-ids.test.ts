import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { LiveSubscriber } from '../live/support/live-subscriber';
import { APP_SECRET, newWamid, postSignedJson, VERIFY_TOKEN } from '../live/support/live-webhooks';
import {
  change,
  messagesValue,
  notification,
  type ValueFixture,
} from '../../unit/webhooks/meta-payload.fixtures';

const PHONE_NUMBER_ID = '106540352242922';
/** Unix seconds of the first message; each post is a second later, so none is a duplicate. */
const T = 1_760_400_000;

/**
 * Senders whose WhatsApp id (Meta's `from`, or `from_user_id`) is no E.164 number or BSUID, as test
 * setups and Meta's own reference examples send them.
 */
const ODD_SENDERS: Array<[string, { from?: string; fromUserId?: string }]> = [
  ['a short test number', { from: '12345' }],
  ['a placeholder left in', { from: '<WHATSAPP_USER_PHONE_NUMBER>' }],
  ['an id with letters', { from: 'tester01a' }],
  ['a user id of no BSUID shape', { fromUserId: 'uUS.13491208655302741918' }],
];

const CONTACT_FIELDS = 'id waId phone userId profileName';

/** Meta's text of error 131050. */
const STOPPED_MARKETING =
  'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business';

const CONVERSATION = /* GraphQL */ `
  query ($contact: String!) {
    conversation(contact: $contact, first: 10) {
      nodes {
        __typename
        ... on InboundMessage {
          id
          text
          from {
            id
          }
        }
        ... on Message {
          id
          recipient
        }
      }
    }
  }
`;

interface Contact {
  id: string;
  waId: string | null;
  phone: string | null;
  userId: string | null;
  profileName: string | null;
}

type ConversationNode =
  | { __typename: 'InboundMessage'; id: string; text: string; from: { id: string } }
  | { __typename: 'Message'; id: string; recipient: string | null };

interface Answer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe.each(['the embedded store', 'Redis'])('customer ids that are no phone number, on %s', (store) => {
  let gateway: TestGateway;
  let redis: RedisProcess | undefined;
  let second = 0;
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  beforeAll(async () => {
    redis = store === 'Redis' ? await RedisProcess.start() : undefined;
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      ...(redis && { REDIS_URL: redis.url }),
    });
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await gateway?.close();
    await redis?.remove();
  });

  const post = async (value: ValueFixture): Promise<void> => {
    const body = notification([[change(messagesValue({ phoneNumberId: PHONE_NUMBER_ID, ...value }))]]);
    expect(await postSignedJson(gateway.url, body)).toEqual({ status: 200, body: 'OK' });
  };

  /** The sender writes a text, with the `contacts[]` entry Meta puts beside it; answers its wamid. */
  const writes = async (sender: { from?: string; fromUserId?: string }, text: string): Promise<string> => {
    const id = newWamid();
    await post({
      contacts: [
        {
          profile: { name: 'Test Sender' },
          ...(sender.from !== undefined && { wa_id: sender.from }),
          ...(sender.fromUserId !== undefined && { user_id: sender.fromUserId }),
        },
      ],
      messages: [
        {
          ...(sender.from !== undefined && { from: sender.from }),
          ...(sender.fromUserId !== undefined && { from_user_id: sender.fromUserId }),
          id,
          timestamp: String(T + ++second),
          type: 'text',
          text: { body: text },
        },
      ],
    });
    return id;
  };

  const query = async <T>(document: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> =>
    (await gateway.graphql<T>(document, variables)).body;

  /** The contact the gateway lists for this sender: the id it gives them, as a client would read it. */
  const listedContact = async (sender: { from?: string; fromUserId?: string }): Promise<Contact> => {
    const { data, errors } = await query<{ contacts: { nodes: Contact[] } }>(
      `{ contacts(first: 100) { nodes { ${CONTACT_FIELDS} } } }`,
    );
    expect(errors).toBeUndefined();
    const found = data!.contacts.nodes.find((contact) =>
      sender.from !== undefined ? contact.waId === sender.from : contact.userId === sender.fromUserId,
    );
    if (found === undefined) throw new Error(`no contact listed for ${JSON.stringify(sender)}`);
    return found;
  };

  it.each(ODD_SENDERS)(
    'stores a message from %s and takes back the id it gives the sender, in contact and conversation',
    async (_name, sender) => {
      const wamid = await writes(sender, 'Hello from a test phone');
      const listed = await listedContact(sender);
      expect(listed).toMatchObject({
        id: sender.fromUserId ?? `+${sender.from}`,
        profileName: 'Test Sender',
      });

      const contact = await query<{ contact: Contact | null }>(
        `query ($id: String!) { contact(id: $id) { ${CONTACT_FIELDS} } }`,
        { id: listed.id },
      );
      expect(contact).toEqual({ data: { contact: listed } });

      const conversation = await query<{ conversation: { nodes: ConversationNode[] } }>(CONVERSATION, {
        contact: listed.id,
      });
      expect(conversation).toEqual({
        data: {
          conversation: {
            nodes: [
              {
                __typename: 'InboundMessage',
                id: wamid,
                text: 'Hello from a test phone',
                from: { id: listed.id },
              },
            ],
          },
        },
      });
    },
  );

  it('finds the messages, statuses and inbound messages of such a customer by that id, and refuses a send to it', async () => {
    const sender = { from: '<WHATSAPP_USER_PHONE_NUMBER>' };
    await writes(sender, 'Hello again');
    const { id } = await listedContact(sender);

    // Statuses of a message to that WhatsApp id, as Meta names it in `recipient_id`.
    const outbound = newWamid();
    const status = (state: string, at: number) => ({
      statuses: [{ id: outbound, status: state, timestamp: String(at), recipient_id: sender.from }],
    });
    const statuses = new LiveSubscriber<{ status: string; message: { id: string; recipient: string } }>(
      gateway.url,
      'subscription ($r: String) { messageStatusChanged(recipient: $r) { status message { id recipient } } }',
      'messageStatusChanged',
      { r: id },
    );
    subscribers.push(statuses as LiveSubscriber<unknown>);
    let probe = 0;
    await statuses.untilLive(() => post(status('sent', T + 1000 + ++probe)));
    await post(status('delivered', T + 2000));
    await statuses.waitFor((event) => event.status === 'DELIVERED');
    expect(statuses.events.find((event) => event.status === 'DELIVERED')?.message).toEqual({
      id: outbound,
      recipient: id,
    });

    const messages = await query<{ messages: { nodes: Array<{ id: string; recipient: string }> } }>(
      'query ($r: String) { messages(filter: { recipient: $r }) { nodes { id recipient } } }',
      { r: id },
    );
    expect(messages).toEqual({ data: { messages: { nodes: [{ id: outbound, recipient: id }] } } });
    const conversation = await query<{ conversation: { nodes: ConversationNode[] } }>(CONVERSATION, {
      contact: id,
    });
    expect(conversation.data!.conversation.nodes).toContainEqual({
      __typename: 'Message',
      id: outbound,
      recipient: id,
    });

    const inbound = new LiveSubscriber<{ message: { id: string; from: { id: string } } }>(
      gateway.url,
      'subscription ($c: String) { messageReceived(contact: $c) { message { id from { id } } } }',
      'messageReceived',
      { c: id },
    );
    subscribers.push(inbound as LiveSubscriber<unknown>);
    await inbound.untilLive(async () => void (await writes(sender, 'probe')));
    const later = await writes(sender, 'Are you there?');
    expect((await inbound.waitFor((event) => event.message.id === later)).message.from).toEqual({ id });

    // Meta cannot deliver to an id that is no number or BSUID: the send is refused before any call.
    const send = await gateway.graphql(
      'mutation ($to: String!) { sendMessage(input: { to: $to, text: { body: "Hi" } }) { message { id } } }',
      { to: id },
    );
    expect(send.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
  });

  it('names the marketing stop of such a customer in the diagnosis of a 131050', async () => {
    const waId = 'qa-device-7';
    const preference = { wa_id: waId, category: 'marketing_messages', value: 'stop', timestamp: T + 5000 };
    const body = notification([
      [change(messagesValue({ extra: { user_preferences: [preference] } }), 'user_preferences')],
    ]);
    expect(await postSignedJson(gateway.url, body)).toEqual({ status: 200, body: 'OK' });
    const failed = newWamid();
    await post({
      statuses: [
        {
          id: failed,
          status: 'failed',
          timestamp: String(T + 5060),
          recipient_id: waId,
          errors: [
            {
              code: 131050,
              title: STOPPED_MARKETING,
              message: STOPPED_MARKETING,
              error_data: { details: STOPPED_MARKETING },
            },
          ],
        },
      ],
    });
    const answer = await query<{ message: { recipient: string; diagnosis: { evidence: string[] } } }>(
      'query ($id: ID!) { message(id: $id) { recipient diagnosis { evidence } } }',
      { id: failed },
    );
    expect(answer.data?.message.recipient).toBe(`+${waId}`);
    expect(answer.data?.message.diagnosis.evidence).toContainEqual(
      expect.stringMatching(/^The customer stopped marketing messages from this business on /),
    );
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['blank', '   '],
    ['overlong', `+${'1'.repeat(300)}`],
    ['without a letter or digit', '+()-'],
    ['a sentence', 'not a customer'],
    ['a control character', 'tester\u000701a'],
  ])('refuses a customer id that is %s with BAD_USER_INPUT everywhere one is read', async (_name, value) => {
    const reads: Array<[string, Record<string, unknown>, string]> = [
      ['query ($v: String!) { contact(id: $v) { id } }', { v: value }, 'id'],
      ['query ($v: String!) { conversation(contact: $v) { nodes { __typename } } }', { v: value }, 'contact'],
      [
        'query ($v: String) { messages(filter: { recipient: $v }) { nodes { id } } }',
        { v: value },
        'filter.recipient',
      ],
    ];
    for (const [document, variables, field] of reads) {
      const answer = await query(document, variables);
      expect(answer.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
      ]);
    }
    const subscription = new LiveSubscriber(
      gateway.url,
      'subscription ($v: String) { messageStatusChanged(recipient: $v) { cursor } }',
      'messageStatusChanged',
      { v: value },
    );
    subscribers.push(subscription);
    expect((await subscription.waitForErrors())[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recipient',
    });
  });
});
