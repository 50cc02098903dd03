import { startTestGateway, waitFor, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { WsProtocolClient } from '../live/support/ws-protocol-client';

/**
 * An operation runs through graphql-js the first time and compiled from then on. Every operation below is
 * sent three times; the compiled answers must be the graphql-js one: data, errors (codes, paths,
 * locations, masking) and HTTP status, over the embedded simulator and a Redis of the test's own.
 */
const READER = 'compiled-reader-key-0001';
const SENDER = 'compiled-sender-key-0001';
const ADMIN = 'compiled-admin-key-00001';
const SUBSCRIBER = 'compiled-subscriber-key-1';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
/** A customer who wrote and was answered, whose message has reached its last status before the cases run. */
const CUSTOMER = '+12025550160';

const SEND = /* GraphQL */ `
  mutation CompiledSend($input: SendMessageInput!, $locale: Locale!, $checkToken: Boolean = false) {
    sendMessage(input: $input) {
      message {
        phoneNumberId
        recipient
        waId
        type
        status
        ...Cost @include(if: true)
      }
      error {
        httpStatus
        code
        subcode
        details
        diagnosis(locale: $locale) {
          cause
          verdict
          retryable
          title
          solutions
        }
        tokenChecked: diagnosis(withTokenCheck: true) @include(if: $checkToken) {
          cause
        }
      }
      warnings
    }
  }
  fragment Cost on Message {
    pricing {
      category
    }
    skipped: id @skip(if: true)
  }
`;

const LIST = /* GraphQL */ `
  query CompiledList($filter: MessageFilter, $first: Int!) {
    messages(filter: $filter, first: $first) {
      edges {
        node {
          recipient
          type
          status
          statusHistory {
            status
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

const CONVERSATION = /* GraphQL */ `
  query CompiledConversation($contact: String!) {
    conversation(contact: $contact, first: 10) {
      nodes {
        __typename
        ... on Message {
          status
          sentType: type
        }
        ... on InboundMessage {
          receivedType: type
          text
        }
      }
    }
  }
`;

const MANY_OPERATIONS = /* GraphQL */ `
  query First {
    explainError(code: 131047, locale: ZH_TW) {
      cause
      title
      retryAfterSeconds
    }
  }
  query Second {
    errorCatalog {
      code
    }
    __typename
  }
`;

const INTROSPECTION = /* GraphQL */ `
  query CompiledIntrospection {
    __schema {
      queryType {
        name
      }
      types {
        name
        kind
        fields {
          name
          args {
            name
            defaultValue
          }
        }
      }
    }
  }
`;

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
}

const text = (to: string, body = 'Your order has shipped') => ({ to, text: { body } });

const CASES: Case[] = [
  {
    name: 'a send Meta accepts',
    query: SEND,
    variables: { input: text('+12025550100'), locale: 'EN' },
    headers: bearer(SENDER),
  },
  {
    name: 'a send Meta refuses, diagnosed',
    query: SEND,
    variables: { input: text('+12025550115'), locale: 'ZH_TW' },
    headers: bearer(SENDER),
  },
  {
    name: 'a diagnosis that inspects the token',
    query: SEND,
    variables: { input: text('+12025550111'), locale: 'EN', checkToken: true },
    headers: bearer(ADMIN),
  },
  {
    name: 'a nested field refused for want of the admin scope, its null bubbling up',
    query: SEND,
    variables: { input: text('+12025550111'), locale: 'EN', checkToken: true },
    headers: bearer(SENDER),
  },
  {
    name: 'input the domain refuses (a number impossible for its country)',
    query: SEND,
    variables: { input: text('+1202555'), locale: 'EN' },
    headers: bearer(SENDER),
  },
  {
    name: 'variables that do not fit the schema',
    query: SEND,
    variables: { input: { text: { body: 'no recipient' } }, locale: 'FR' },
    headers: bearer(SENDER),
  },
  {
    name: 'a mutation without a key',
    query: SEND,
    variables: { input: text('+12025550100'), locale: 'EN' },
  },
  {
    name: 'a mutation with a key lacking the scope',
    query: SEND,
    variables: { input: text('+12025550100'), locale: 'EN' },
    headers: bearer(READER),
  },
  {
    name: 'a filtered list with enums and dates in its variables',
    query: LIST,
    variables: {
      filter: { recipient: CUSTOMER, status: ['READ', 'FAILED'], from: '2020-01-01T00:00:00Z' },
      first: 5,
    },
    headers: bearer(READER),
  },
  {
    name: 'a first value out of range',
    query: LIST,
    variables: { first: 'five' },
    headers: bearer(READER),
  },
  {
    name: 'a union of sent and received messages',
    query: CONVERSATION,
    variables: { contact: CUSTOMER },
    headers: bearer(READER),
  },
  {
    name: 'one operation of a document with several',
    query: MANY_OPERATIONS,
    operationName: 'Second',
    headers: bearer(READER),
  },
  { name: 'introspection', query: INTROSPECTION, headers: bearer(READER) },
];

interface Answer {
  status: number;
  body: unknown;
}

/** Request ids differ on every request; nothing else may. */
function comparable(answer: Answer): Answer {
  const json = JSON.stringify(answer).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  return JSON.parse(json) as Answer;
}

/**
 * Production turns introspection off and hides field suggestions, with the plugins that do it: their
 * errors must stay what the first run answered too.
 */
const ENVIRONMENTS = [
  { environment: 'development', cases: CASES },
  { environment: 'production', cases: CASES.filter((testCase) => testCase.query !== INTROSPECTION) },
];

describe.each(ENVIRONMENTS)(
  'compiled execution answers exactly as graphql-js ($environment)',
  ({ environment, cases }) => {
    let redis: RedisProcess;
    let gateway: TestGateway;

    beforeAll(async () => {
      redis = await RedisProcess.start();
      gateway = await startTestGateway({
        NODE_ENV: environment,
        REDIS_URL: redis.url,
        GATEWAY_API_KEYS: `${READER}:read,${SENDER}:send+read,${ADMIN}:send+read+admin,${SUBSCRIBER}:subscribe+read`,
        SIMULATOR_WEBHOOK_DELAY_MS: '10',
      });
      const wrote = await fetch(`${gateway.url}/simulator/inbound-messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: CUSTOMER, text: 'Where is my parcel?' }),
      });
      expect(wrote.status).toBeLessThan(300);
      await gateway.graphql(SEND, { input: text(CUSTOMER), locale: 'EN' }, bearer(SENDER));
      // Its own document, so that the cases' documents are first run by the cases.
      const read =
        'query Read($recipient: String) { messages(filter: { recipient: $recipient, status: [READ] }) { edges { node { id } } } }';
      await waitFor(async () => {
        const { body } = await gateway.graphql<{ messages: { edges: unknown[] } }>(
          read,
          { recipient: CUSTOMER },
          bearer(READER),
        );
        return body.data?.messages.edges.length === 1;
      });
    });
    afterAll(async () => {
      await gateway?.close();
      await redis?.remove();
    });

    async function send(testCase: Case): Promise<Answer> {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...testCase.headers },
        body: JSON.stringify({
          // A document of its own per case: its first run is graphql-js's, whatever ran before.
          query: `${testCase.query}\n# ${testCase.name}`,
          variables: testCase.variables ?? {},
          ...(testCase.operationName && { operationName: testCase.operationName }),
        }),
      });
      return comparable({ status: response.status, body: await response.json() });
    }

    const compiles = () => gateway.logs.filter((line) => line.includes('GraphQL operation compiled')).length;

    it.each(cases)('$name', async (testCase) => {
      const compiledBefore = compiles();
      const interpreted = await send(testCase);
      const compiled = [await send(testCase), await send(testCase)];
      expect(compiled).toEqual([interpreted, interpreted]);
      // The second run compiled the operation: the answers above did come from both executors.
      expect(compiles()).toBe(compiledBefore + 1);
      expect(gateway.logs.some((line) => line.includes('left uncompiled'))).toBe(false);
    });

    it('renders a subscription compiled from its second event on, as graphql-js would', async () => {
      const recipient = '+12025550161';
      // What the subscription renders of the message, and what HTTP is then asked for.
      const seenFragment =
        'fragment Seen on Message { id recipient status statusHistory { status } skipped: type @skip(if: true) }';
      const subscription = /* GraphQL */ `
        subscription CompiledRender($recipient: String, $withErrors: Boolean!) {
          messageStatusChanged(recipient: $recipient) {
            status
            previous: previousStatus
            errors @include(if: $withErrors) {
              code
            }
            message {
              ...Seen
            }
          }
        }
        ${seenFragment}
      `;
      const client = await WsProtocolClient.connect(gateway.url, SUBSCRIBER);
      try {
        client.subscribe('live', subscription, { recipient, withErrors: true });
        await client.settle();
        await gateway.graphql(SEND, { input: text(recipient), locale: 'EN' }, bearer(SENDER));
        type Seen = {
          id: string;
          recipient: string;
          status: string;
          statusHistory: Array<{ status: string }>;
        };
        const events = () =>
          client.nexts<{ messageStatusChanged: { status: string; message: Seen } }>('live');
        // The send is accepted, then the simulator reports sent, delivered and read: renders of one shape.
        await waitFor(() => events().some((event) => event.data?.messageStatusChanged.status === 'READ'));
        const received = events();
        expect(received.length).toBeGreaterThanOrEqual(3);
        expect(received.map((event) => event.errors)).toEqual(received.map(() => undefined));
        const renderCompiles = gateway.logs.filter(
          (line) => line.includes('GraphQL operation compiled') && line.includes('"CompiledRender"'),
        );
        expect(renderCompiles).toHaveLength(1);
        const last = received[received.length - 1]!.data!.messageStatusChanged;
        expect(last.status).toBe('READ');
        // The last event's message, rendered compiled, is the message as graphql-js answers it now.
        const { body } = await gateway.graphql<{ message: Seen }>(
          `query CompiledRenderCheck($id: ID!) { message(id: $id) { ...Seen } } ${seenFragment}`,
          { id: last.message.id },
          bearer(READER),
        );
        expect(body.data?.message).toEqual(last.message);
        expect(received.map((event) => event.data?.messageStatusChanged.status)).toEqual(
          last.message.statusHistory.map((entry) => entry.status).slice(-received.length),
        );
      } finally {
        await client.close();
      }
    });

    it('masks a resolver failing inside the same way, with the cause in the log', async () => {
      await redis.stop();
      const broken: Case = {
        name: 'broken',
        query: 'query CompiledBroken { message(id: "wamid.any") { id } }',
        headers: bearer(READER),
      };
      const answers = [await send(broken), await send(broken), await send(broken)];
      expect(answers[0]).toEqual({
        status: 200,
        body: {
          data: { message: null },
          errors: [
            {
              message: "Internal error; quote the requestId to the gateway's operators.",
              locations: [{ line: 1, column: 24 }],
              path: ['message'],
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: '…' },
            },
          ],
        },
      });
      expect(answers.slice(1)).toEqual([answers[0], answers[0]]);
      await waitFor(
        () => gateway.logs.filter((line) => line.includes('GraphQL operation failed')).length >= 3,
      );
    });
  },
);
