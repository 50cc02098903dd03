import { eachStore, redisDatabaseUrl, useWebhookGateway } from '../live/support/live-gateway';
import { postSignedJson, statusWebhook } from '../live/support/live-webhooks';
import { INBOUND_SHAPES, type Json } from '../../unit/webhooks/meta-payload.fixtures';

const REDIS_URL = redisDatabaseUrl(4);
const PHONE_NUMBER_ID = '106540352242922';
const T = 1_760_000_000;

const ITEM_FIELDS = /* GraphQL */ `
  __typename
  ... on Message {
    id
    status
    createdAt
  }
  ... on InboundMessage {
    id
    type
    timestamp
    text
    replyTo
    from {
      id
      phone
      profileName
    }
    media {
      id
      mimeType
      sha256
      caption
      filename
      url
    }
    location {
      latitude
      longitude
      name
      address
    }
    reply {
      kind
      id
      title
    }
    reaction {
      messageId
      emoji
    }
    errors {
      code
      title
    }
    raw
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

interface Item {
  __typename: 'Message' | 'InboundMessage';
  id: string;
  [field: string]: unknown;
}

interface ConversationResult {
  conversation: {
    edges: Array<{ cursor: string; node: Item }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A messages webhook carrying inbound messages from one customer (with `contacts[]`, as Meta sends them). */
function inboundBody(
  customer: { waId?: string; userId?: string; name?: string },
  messages: Array<Record<string, Json>>,
): Json {
  const sender: Record<string, Json> = {};
  if (customer.waId !== undefined) sender['from'] = customer.waId;
  if (customer.userId !== undefined) sender['from_user_id'] = customer.userId;
  const contact: Record<string, Json> = { profile: { name: customer.name ?? 'Ana' } };
  if (customer.waId !== undefined) contact['wa_id'] = customer.waId;
  if (customer.userId !== undefined) contact['user_id'] = customer.userId;
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [contact],
              messages: messages.map((message) => ({ ...sender, ...message })),
            },
          },
        ],
      },
    ],
  };
}

describe.each(eachStore(REDIS_URL))('conversations on %s', (_name, env) => {
  const gateway = useWebhookGateway(env);

  const post = async (body: Json): Promise<void> => {
    expect(await postSignedJson(gateway().url, body)).toEqual({ status: 200, body: 'OK' });
  };

  const page = async (contact: string, first: number, after?: string | null) => {
    const { body } = await gateway().graphql<ConversationResult>(CONVERSATION, {
      contact,
      first,
      after: after ?? null,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.conversation;
  };

  it('stores every inbound type with its content, once however often Meta delivers it', async () => {
    const waId = '16505550101';
    const messages = INBOUND_SHAPES.map((shape, i) => ({
      id: `wamid.in.types.${i}`,
      timestamp: String(T + i),
      ...(i === 1 && { context: { from: '15550783881', id: 'wamid.out.earlier' } }),
      ...shape.fields,
    }));
    const body = inboundBody({ waId, name: 'Ana' }, messages);
    await post(body);
    await post(body); // Meta's redelivery
    const { edges } = await page(`+${waId}`, 100);
    const items = edges.map((edge) => edge.node).reverse();
    expect(items).toHaveLength(INBOUND_SHAPES.length);
    INBOUND_SHAPES.forEach((shape, i) => {
      const item = items[i]!;
      expect(item).toMatchObject({
        __typename: 'InboundMessage',
        id: `wamid.in.types.${i}`,
        type: shape.type,
        ...shape.expected,
      });
      expect(item['from']).toEqual({ id: `+${waId}`, phone: `+${waId}`, profileName: 'Ana' });
      expect(item['raw']).toMatchObject(shape.fields);
    });
    expect(items[1]!['replyTo']).toBe('wamid.out.earlier');
  });

  it('keeps outbound and inbound messages in one time line, newest first, paginated without gaps or repeats', async () => {
    const waId = '16505550102';
    // Outbound messages (first seen in status webhooks) and inbound ones, interleaved, some at the same second.
    const expected: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const outId = `wamid.out.timeline.${i}`;
      await post(
        statusWebhook({
          messageId: outId,
          status: 'sent',
          recipientId: waId,
          timestamp: T + 100 + i * 10,
        }) as unknown as Json,
      );
      const inId = `wamid.in.timeline.${i}`;
      await post(
        inboundBody({ waId }, [
          {
            id: inId,
            timestamp: String(T + 100 + i * 10 + (i % 2 === 0 ? 0 : 5)),
            type: 'text',
            text: { body: `reply ${i}` },
          },
        ]),
      );
      expected.push(outId, inId);
    }
    const all = await page(`+${waId}`, 100);
    const order = all.edges.map((edge) => edge.node.id);
    expect(new Set(order).size).toBe(14);
    // Newest first; at the same second the business's message comes before the customer's.
    expect(order).toEqual(
      [...expected].reverse().sort((a, b) => timeOf(b) - timeOf(a) || kindRank(a) - kindRank(b)),
    );

    const walked: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const current = await page(`+${waId}`, 3, after);
      walked.push(...current.edges.map((edge) => edge.node.id));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(walked).toEqual(order);
    // Any edge's cursor resumes right after it.
    const resumed = await page(`+${waId}`, 2, all.edges[4]!.cursor);
    expect(resumed.edges.map((edge) => edge.node.id)).toEqual(order.slice(5, 7));

    function timeOf(id: string): number {
      const i = Number(id.split('.').at(-1));
      return id.includes('.out.') ? T + 100 + i * 10 : T + 100 + i * 10 + (i % 2 === 0 ? 0 : 5);
    }
    function kindRank(id: string): number {
      return id.includes('.out.') ? 0 : 1;
    }
  });

  it('reads a conversation under both the number and the BSUID once Meta showed them together', async () => {
    const waId = '16505550103';
    const userId = 'US.7700000000000103';
    await post(
      inboundBody({ waId }, [
        { id: 'wamid.in.byNumber', timestamp: String(T + 300), type: 'text', text: { body: 'by number' } },
      ]),
    );
    await post(
      inboundBody({ userId }, [
        { id: 'wamid.in.byUserId', timestamp: String(T + 301), type: 'text', text: { body: 'by BSUID' } },
      ]),
    );
    await post(
      inboundBody({ waId, userId }, [
        { id: 'wamid.in.both', timestamp: String(T + 302), type: 'text', text: { body: 'both' } },
      ]),
    );
    for (const name of [`+${waId}`, userId]) {
      expect((await page(name, 10)).edges.map((edge) => edge.node.id)).toEqual([
        'wamid.in.both',
        'wamid.in.byUserId',
        'wamid.in.byNumber',
      ]);
    }
  });

  it('lists contacts by latest activity with their window, and filters on it', async () => {
    const query = /* GraphQL */ `
      query Contacts($open: Boolean, $after: String) {
        contacts(first: 2, after: $after, filter: { windowOpen: $open }) {
          nodes {
            id
            serviceWindow {
              open
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;
    const first = await gateway().graphql<{
      contacts: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(query, {});
    expect(first.body.errors).toBeUndefined();
    // The newest activity of this file is the BSUID contact of the test above.
    expect(first.body.data!.contacts.nodes[0]!.id).toBe('US.7700000000000103');
    expect(first.body.data!.contacts.pageInfo.hasNextPage).toBe(true);
    const next = await gateway().graphql<{ contacts: { nodes: Array<{ id: string }> } }>(query, {
      after: first.body.data!.contacts.pageInfo.endCursor,
    });
    const ids = [...first.body.data!.contacts.nodes, ...next.body.data!.contacts.nodes].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every inbound above carries a 2025 timestamp: every window is closed now.
    const open = await gateway().graphql<{ contacts: { nodes: unknown[] } }>(query, { open: true });
    expect(open.body.data!.contacts.nodes).toEqual([]);
    const closed = await gateway().graphql<{
      contacts: { nodes: Array<{ serviceWindow: { open: boolean } }> };
    }>(query, { open: false });
    expect(closed.body.data!.contacts.nodes.length).toBe(2);
  });

  it('answers BAD_USER_INPUT for a cursor it did not make and for a contact that is no customer', async () => {
    const bad = await gateway().graphql(CONVERSATION, {
      contact: '+16505550102',
      first: 2,
      after: 'not-a-cursor',
    });
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const nobody = await gateway().graphql(CONVERSATION, { contact: 'robert smith', first: 2 });
    expect(nobody.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
