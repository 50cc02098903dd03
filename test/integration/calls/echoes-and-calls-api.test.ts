import { randomBytes } from 'node:crypto';
import { type GraphqlResponse, startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { deleteKeysWithPrefix, redisDatabaseUrl } from '../live/support/live-gateway';
import { APP_SECRET, postSignedJson, statusWebhook, VERIFY_TOKEN } from '../live/support/live-webhooks';
import {
  businessCallConnect,
  CALL_ERROR_12455,
  callsBody,
  callStatus,
  completedTerminate,
  type Customer,
  echoesBody,
  editEcho,
  failedTerminate,
  imageEcho,
  revokeEcho,
  textEcho,
  userCallConnect,
} from '../../unit/webhooks/coexistence-and-calls.fixtures';
import {
  change,
  type Json,
  messagesValue,
  notification,
  PHONE_NUMBER_ID,
} from '../../unit/webhooks/meta-payload.fixtures';

/**
 * A database of its own, shared by nothing else of this file's: the gateway's keys get a random prefix,
 * removed afterwards, so that the file never flushes what another one keeps there.
 */
const REDIS_URL = redisDatabaseUrl(14);
const KEY_PREFIX = `echoes-calls-${randomBytes(4).toString('hex')}:`;

const ITEM_FIELDS = /* GraphQL */ `
  __typename
  ... on Message {
    id
    origin
    type
    text
    originalMessageId
    raw
    status
    recipient
    recipientUserId
  }
  ... on InboundMessage {
    id
    text
  }
  ... on CallEvent {
    id
    callId
    kind
    callStatus: status
    rawStatus
  }
`;

const CONVERSATION = /* GraphQL */ `
  query Conversation($contact: String!, $first: Int, $after: String) {
    conversation(contact: $contact, first: $first, after: $after) {
      edges { cursor node { ${ITEM_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const CALL_FIELDS = /* GraphQL */ `
  id
  callId
  cursor
  phoneNumberId
  contact {
    id
    phone
    userId
    profileName
  }
  kind
  rawEvent
  status
  rawStatus
  direction
  rawDirection
  timestamp
  startedAt
  endedAt
  durationSeconds
  errors {
    code
    title
    message
    details
    href
  }
  bizOpaqueCallbackData
  raw
`;

const CONTACT_CALLS = /* GraphQL */ `
  query ContactCalls($id: String!, $first: Int, $after: String) {
    contact(id: $id) {
      id
      lastInboundAt
      calls(first: $first, after: $after) {
        edges { cursor node { ${CALL_FIELDS} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

const SEND_TEXT = /* GraphQL */ `
  mutation Send($to: String!, $body: String!) {
    sendMessage(input: { to: $to, text: { body: $body } }) {
      message {
        id
        origin
        text
      }
      error {
        code
      }
    }
  }
`;

const MESSAGES_TO = /* GraphQL */ `
  query MessagesTo($recipient: String!) {
    messages(filter: { recipient: $recipient }, first: 20) {
      nodes {
        id
        origin
        type
        text
        status
      }
    }
  }
`;

interface Item {
  __typename: 'Message' | 'InboundMessage' | 'CallEvent';
  id: string;
  [field: string]: unknown;
}

interface ConversationResult {
  conversation: {
    edges: Array<{ cursor: string; node: Item }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface CallNode {
  id: string;
  kind: string;
  [field: string]: unknown;
}

interface ContactCalls {
  edges: Array<{ cursor: string; node: CallNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface ContactCallsResult {
  contact: { id: string; lastInboundAt: string | null; calls: ContactCalls } | null;
}

/** A customer's text, as a messages webhook carries it. */
function inboundBody(customer: Customer, id: string, timestamp: number, body: string): Json {
  return notification([
    [
      change(
        messagesValue({
          contacts: [{ profile: { name: customer.name ?? 'Ana' }, wa_id: customer.waId ?? null }],
          messages: [
            { from: customer.waId ?? null, id, timestamp: String(timestamp), type: 'text', text: { body } },
          ],
        }),
      ),
    ],
  ]);
}

describe.each([
  ['the embedded store', {}],
  ['Redis', { REDIS_URL, REDIS_KEY_PREFIX: KEY_PREFIX }],
])('echoes and calls through the gateway on %s', (_name, env: Record<string, string>) => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      ...env,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    if (env['REDIS_URL']) await deleteKeysWithPrefix(REDIS_URL, KEY_PREFIX);
  });

  const post = async (body: Json): Promise<void> => {
    expect(await postSignedJson(gateway.url, body)).toEqual({ status: 200, body: 'OK' });
  };

  const conversation = async (contact: string, first: number, after: string | null = null) => {
    const { body } = await gateway.graphql<ConversationResult>(CONVERSATION, { contact, first, after });
    expect(body.errors).toBeUndefined();
    return body.data!.conversation;
  };

  it('puts the business app’s messages in the time line between the gateway’s sends and the customer’s', async () => {
    const customer: Customer = { waId: '16505550701', userId: 'US.7300000000000701', name: 'Ana' };
    const now = Math.floor(Date.now() / 1000);
    await post(inboundBody(customer, 'wamid.IN.701', now - 60, 'Is my order ready?'));
    const text = textEcho(customer, 'wamid.APP.701.text', now - 50, 'Yes, come by after 5');
    await post(echoesBody(customer, [text]));
    await post(echoesBody(customer, [text])); // Meta's redelivery
    await post(echoesBody(customer, [imageEcho(customer, 'wamid.APP.701.image', now - 40)]));
    await post(
      echoesBody({ waId: customer.waId }, [
        editEcho(customer, 'wamid.APP.701.edit', 'wamid.APP.701.text', now - 30),
        revokeEcho(customer, 'wamid.APP.701.revoke', 'wamid.APP.701.image', now - 20),
      ]),
    );
    // Nothing of the above went upstream: an echo was sent by the app, not by the gateway.
    expect(gateway.simulator?.sendCount(customer.waId)).toBe(0);

    const sent = await gateway.graphql<{
      sendMessage: { message: { id: string; origin: string; text: null } };
    }>(SEND_TEXT, { to: `+${customer.waId}`, body: 'See you at 5!' });
    expect(sent.body.errors).toBeUndefined();
    const send = sent.body.data!.sendMessage.message;
    expect(send).toMatchObject({ origin: 'API', text: null });
    expect(gateway.simulator?.sendCount(customer.waId)).toBe(1);

    const page = await conversation(`+${customer.waId}`, 20);
    const items = page.edges.map((edge) => edge.node);
    expect(items.map((item) => item.id)).toEqual([
      send.id,
      'wamid.APP.701.revoke',
      'wamid.APP.701.edit',
      'wamid.APP.701.image',
      'wamid.APP.701.text',
      'wamid.IN.701',
    ]);
    expect(items[0]).toMatchObject({
      __typename: 'Message',
      origin: 'API',
      raw: null,
      originalMessageId: null,
    });
    expect(items[1]).toMatchObject({
      __typename: 'Message',
      origin: 'BUSINESS_APP',
      type: 'revoke',
      text: null,
      originalMessageId: 'wamid.APP.701.image',
    });
    expect(items[2]).toMatchObject({
      origin: 'BUSINESS_APP',
      type: 'edit',
      text: 'Open until 19:00 today, not 18:00',
      originalMessageId: 'wamid.APP.701.text',
    });
    expect(items[3]).toMatchObject({
      origin: 'BUSINESS_APP',
      type: 'image',
      text: 'Your parcel, ready at the counter',
      raw: imageEcho(customer, 'wamid.APP.701.image', now - 40),
    });
    expect(items[4]).toEqual({
      __typename: 'Message',
      id: 'wamid.APP.701.text',
      origin: 'BUSINESS_APP',
      type: 'text',
      text: 'Yes, come by after 5',
      originalMessageId: null,
      raw: text,
      status: 'ACCEPTED',
      recipient: `+${customer.waId}`,
      recipientUserId: customer.userId,
    });
    expect(items[5]).toMatchObject({ __typename: 'InboundMessage', text: 'Is my order ready?' });

    // Found by `messages` under the BSUID as well; Meta's statuses for an echo apply to it as to any message.
    await post(
      statusWebhook({
        messageId: 'wamid.APP.701.text',
        status: 'read',
        recipientId: customer.waId,
        timestamp: now - 10,
        phoneNumberId: PHONE_NUMBER_ID,
      }) as unknown as Json,
    );
    const listed = await gateway.graphql<{ messages: { nodes: Array<Record<string, unknown>> } }>(
      MESSAGES_TO,
      {
        recipient: customer.userId,
      },
    );
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!.messages.nodes).toContainEqual({
      id: 'wamid.APP.701.text',
      origin: 'BUSINESS_APP',
      type: 'text',
      text: 'Yes, come by after 5',
      status: 'READ',
    });

    // The customer's window follows what the customer wrote, never the business's own messages.
    const contact = await gateway.graphql<ContactCallsResult>(CONTACT_CALLS, { id: `+${customer.waId}` });
    expect(contact.body.data!.contact!.lastInboundAt).toBe(new Date((now - 60) * 1000).toISOString());
  });

  it('keeps calls on the contact, newest first, and in the conversation beside the messages', async () => {
    const customer: Customer = { waId: '16505550702', userId: 'US.7300000000000702', name: 'Bruno' };
    const T = 1_761_000_000;
    const incoming = 'wacid.HBgLMTY1MDU1NTA3MDIVAgARGA.in';
    const outgoing = 'wacid.HBgLMTY1MDU1NTA3MDIVAgARGA.out';
    const bodies = [
      callsBody(customer, { calls: [userCallConnect(customer, incoming, T)] }),
      callsBody(customer, {
        calls: [failedTerminate(customer, incoming, T + 30)],
        errors: [CALL_ERROR_12455],
      }),
      inboundBody(customer, 'wamid.IN.702', T + 60, 'Sorry, I missed you'),
      callsBody(customer, {
        statuses: [
          callStatus(customer, outgoing, 'RINGING', T + 100),
          callStatus(customer, outgoing, 'ACCEPTED', T + 104),
        ],
      }),
      callsBody(customer, { calls: [businessCallConnect(customer, outgoing, T + 105)] }),
      callsBody(customer, { calls: [completedTerminate(customer, outgoing, T + 105, 90)] }),
    ];
    for (const body of bodies) {
      await post(body);
      await post(body); // every body delivered twice, as Meta may
    }

    const walked: CallNode[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages += 1) {
      const answer: GraphqlResponse<ContactCallsResult> = await gateway.graphql<ContactCallsResult>(
        CONTACT_CALLS,
        { id: customer.userId, first: 2, after },
      );
      expect(answer.body.errors).toBeUndefined();
      const calls: ContactCalls = answer.body.data!.contact!.calls;
      walked.push(...calls.edges.map((edge) => edge.node));
      if (!calls.pageInfo.hasNextPage) break;
      after = calls.pageInfo.endCursor;
    }
    expect(walked.map((node) => [node['callId'], node.kind, node['status']])).toEqual([
      [outgoing, 'TERMINATE', 'COMPLETED'],
      [outgoing, 'CONNECT', null],
      [outgoing, 'STATUS', 'ACCEPTED'],
      [outgoing, 'STATUS', 'RINGING'],
      [incoming, 'TERMINATE', 'FAILED'],
      [incoming, 'CONNECT', null],
    ]);
    expect(walked[0]).toMatchObject({
      phoneNumberId: PHONE_NUMBER_ID,
      contact: {
        id: customer.userId,
        phone: `+${customer.waId}`,
        userId: customer.userId,
        profileName: 'Bruno',
      },
      rawEvent: 'terminate',
      rawStatus: 'COMPLETED',
      direction: 'BUSINESS_INITIATED',
      rawDirection: 'BUSINESS_INITIATED',
      timestamp: new Date((T + 195) * 1000).toISOString(),
      startedAt: new Date((T + 105) * 1000).toISOString(),
      endedAt: new Date((T + 195) * 1000).toISOString(),
      durationSeconds: 90,
      errors: [],
      bizOpaqueCallbackData: 'ticket-8841',
      raw: completedTerminate(customer, outgoing, T + 105, 90),
    });
    expect(walked[3]).toMatchObject({
      kind: 'STATUS',
      rawEvent: null,
      direction: 'BUSINESS_INITIATED',
      rawDirection: null,
      startedAt: null,
      durationSeconds: null,
    });
    expect(walked[4]).toMatchObject({
      direction: 'USER_INITIATED',
      durationSeconds: null,
      errors: [
        {
          code: 12455,
          title: 'Call failed',
          message: 'Call failed',
          details: 'The call could not be connected.',
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    });
    expect(walked[5]?.['raw']).toMatchObject({ session: { sdp_type: 'offer' } });

    // The same events in the conversation, around the customer's message, page by page without a gap.
    const order: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const current = await conversation(`+${customer.waId}`, 2, cursor);
      order.push(...current.edges.map((edge) => `${edge.node.__typename}:${edge.node.id}`));
      if (!current.pageInfo.hasNextPage) break;
      cursor = current.pageInfo.endCursor;
    }
    expect(order).toEqual([
      ...walked.slice(0, 4).map((node) => `CallEvent:${node.id}`),
      'InboundMessage:wamid.IN.702',
      ...walked.slice(4).map((node) => `CallEvent:${node.id}`),
    ]);
  });

  it('answers BAD_USER_INPUT for a calls cursor it did not make', async () => {
    const { body } = await gateway.graphql(CONTACT_CALLS, { id: '+16505550702', first: 2, after: 'nope' });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
