import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { GatewayErrorCode } from '../../../src/graphql';
import { startTestGateway, waitFor, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { WsProtocolClient } from '../live/support/ws-protocol-client';

/**
 * Every error code of the contract, met the way a front-end app meets it: the same document sent again and
 * again, in production mode (no introspection, field suggestions masked by graphql-armor, the compiled
 * executor from the second run on). Each answer after the first must be the first one: HTTP status,
 * `extensions.code`, message and path, over HTTP and over WebSocket.
 */
const READER = 'repeat-reader-key-000001';
const SENDER = 'repeat-sender-key-000001';
const ADMIN = 'repeat-admin-key-0000001';
const KEYS = `${READER}:read,${SENDER}:send+read,${ADMIN}:read+admin`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const RUNS = 3;

/** No GraphQL operation answers this code yet: the one code of the contract that the table cannot meet. */
const NOT_MET_BY_ANY_OPERATION: ReadonlySet<GatewayErrorCode> = new Set([GatewayErrorCode.NOT_FOUND]);

const SEND = /* GraphQL */ `
  mutation RepeatSend($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        status
      }
      error {
        code
      }
    }
  }
`;

const PHONE_NUMBER = /* GraphQL */ `
  query RepeatPhoneNumber {
    phoneNumber {
      id
      displayPhoneNumber
    }
  }
`;

const MESSAGE = /* GraphQL */ `
  query RepeatMessage {
    message(id: "wamid.repeat") {
      id
    }
  }
`;

const text = (to: string, body = 'Your order has shipped') => ({ to, text: { body } });
/** The simulator's scenario numbers: the last two digits choose what the fake Cloud API does. */
const scenario = (lastTwo: string) => `+120255501${lastTwo}`;
const deep = (levels: number): string =>
  `query RepeatDeep { messages(first: 1) { edges { node { ${'statusHistory { message { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;
const suggestion = 'query RepeatTypo { mesages(first: 1) { edges { node { id } } } }';

type GatewayName = 'simulated' | 'unreachable' | 'limited';

interface Case {
  name: string;
  code: GatewayErrorCode;
  gateway: GatewayName;
  query: string;
  variables?: Record<string, unknown>;
  key?: string;
  /** Also sent over WebSocket, with the case's key (which may open a connection). */
  overWebSocket: boolean;
}

const IDEMPOTENCY_KEY = randomUUID();

const CASES: Case[] = [
  {
    name: 'a number impossible for its country',
    code: GatewayErrorCode.BAD_USER_INPUT,
    gateway: 'simulated',
    query: SEND,
    variables: { input: text('+1202555') },
    key: SENDER,
    overWebSocket: false,
  },
  {
    name: 'an idempotency key reused with another message',
    code: GatewayErrorCode.BAD_USER_INPUT,
    gateway: 'simulated',
    query: SEND,
    variables: { input: { ...text('+12025550100', 'Another body'), idempotencyKey: IDEMPOTENCY_KEY } },
    key: SENDER,
    overWebSocket: false,
  },
  {
    name: 'variables that do not fit the schema',
    code: GatewayErrorCode.BAD_USER_INPUT,
    gateway: 'simulated',
    query: SEND,
    variables: { input: { text: { body: 'no recipient' } } },
    key: SENDER,
    overWebSocket: false,
  },
  {
    name: 'a field that does not exist, its suggestion masked',
    code: GatewayErrorCode.BAD_USER_INPUT,
    gateway: 'simulated',
    query: suggestion,
    key: READER,
    overWebSocket: true,
  },
  {
    name: 'a send without a key',
    code: GatewayErrorCode.UNAUTHENTICATED,
    gateway: 'simulated',
    query: SEND,
    variables: { input: text('+12025550100') },
    overWebSocket: false,
  },
  {
    name: 'a send with a read-only key',
    code: GatewayErrorCode.FORBIDDEN,
    gateway: 'simulated',
    query: SEND,
    variables: { input: text('+12025550100') },
    key: READER,
    overWebSocket: true,
  },
  {
    name: 'a Cloud API that does not answer in time',
    code: GatewayErrorCode.UPSTREAM_TIMEOUT,
    gateway: 'simulated',
    query: SEND,
    variables: { input: text(scenario('21')) },
    key: SENDER,
    overWebSocket: false,
  },
  {
    name: 'a Cloud API that cannot be reached',
    code: GatewayErrorCode.UPSTREAM_UNAVAILABLE,
    gateway: 'unreachable',
    query: PHONE_NUMBER,
    key: ADMIN,
    overWebSocket: true,
  },
  {
    name: 'sends above the rate limit',
    code: GatewayErrorCode.RATE_LIMITED,
    gateway: 'limited',
    query: SEND,
    variables: { input: text('+12025550100') },
    key: SENDER,
    overWebSocket: false,
  },
  {
    name: 'introspection, which production turns off',
    code: GatewayErrorCode.BAD_USER_INPUT,
    gateway: 'simulated',
    query: 'query RepeatIntrospection { __schema { queryType { name } } }',
    key: READER,
    overWebSocket: true,
  },
  {
    name: 'a selection deeper than the limit',
    code: GatewayErrorCode.QUERY_TOO_COMPLEX,
    gateway: 'simulated',
    query: deep(6),
    key: READER,
    overWebSocket: true,
  },
];

/** Last, once the simulated gateway's Redis is stopped. */
const INTERNAL_CASE: Case = {
  name: 'a store that fails inside a resolver',
  code: GatewayErrorCode.INTERNAL_SERVER_ERROR,
  gateway: 'simulated',
  query: MESSAGE,
  key: READER,
  overWebSocket: true,
};

/** What must not change from one run to the next (request ids and the time left before a retry may). */
interface Answer {
  status: number;
  errors: Array<{ code: unknown; message: string; path?: unknown }>;
}

type Body = { errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, unknown> }> };

const answerOf = (status: number, body: Body): Answer => ({
  status,
  errors: (body.errors ?? []).map(({ message, path, extensions }) => ({
    code: extensions?.code,
    message: message.replace(/retry after \d+ ms/, 'retry after … ms'),
    ...(path !== undefined && { path }),
  })),
});

/** A server that accepts connections and never answers: the rate-limited gateway's upstream need not reply. */
async function silentUpstream(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('every error code answers the same on every run of a document, in production', () => {
  let redis: RedisProcess;
  const gateways = {} as Record<GatewayName, TestGateway>;
  let upstream: { url: string; server: Server };
  const production = { NODE_ENV: 'production', GATEWAY_API_KEYS: KEYS, LOG_LEVEL: 'debug' };

  beforeAll(async () => {
    redis = await RedisProcess.start();
    upstream = await silentUpstream();
    gateways.simulated = await startTestGateway({
      ...production,
      REDIS_URL: redis.url,
      UPSTREAM_TIMEOUT_MS: '300',
      GRAPHQL_MAX_DEPTH: '8',
    });
    const real = {
      ...production,
      WHATSAPP_ACCESS_TOKEN: 'repeat-token-never-used',
      WHATSAPP_PHONE_NUMBER_ID: '100000000000001',
      WHATSAPP_APP_SECRET: 'repeat-app-secret',
      WHATSAPP_VERIFY_TOKEN: 'repeat-verify-token',
      // Every run must meet the same failure, not a breaker that opened on the earlier ones.
      UPSTREAM_BREAKER_FAILURES: '1000',
    };
    gateways.unreachable = await startTestGateway({ ...real, GRAPH_API_BASE_URL: 'http://127.0.0.1:9' });
    gateways.limited = await startTestGateway({
      ...real,
      GRAPH_API_BASE_URL: upstream.url,
      UPSTREAM_TIMEOUT_MS: '200',
      SEND_RATE_LIMIT_PER_SECOND: '1',
    });
    // The key's first message, which the case then reuses with another body.
    const first = await gateways.simulated.graphql(
      SEND,
      { input: { ...text('+12025550100'), idempotencyKey: IDEMPOTENCY_KEY } },
      bearer(SENDER),
    );
    expect(first.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await Promise.all(Object.values(gateways).map((gateway) => gateway.close()));
    upstream?.server.closeAllConnections();
    upstream?.server.close();
    await redis?.remove();
  });

  async function overHttp(testCase: Case, tag: string): Promise<Answer> {
    const response = await fetch(`${gateways[testCase.gateway].url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(testCase.key && bearer(testCase.key)) },
      // A document of the case's own, so that its first run is the first of that document.
      body: JSON.stringify({ query: `${testCase.query}\n# ${tag}`, variables: testCase.variables ?? {} }),
    });
    return answerOf(response.status, (await response.json()) as Body);
  }

  async function overWebSocket(testCase: Case, tag: string): Promise<Answer[]> {
    const client = await WsProtocolClient.connect(gateways[testCase.gateway].url, testCase.key!);
    try {
      const query = `${testCase.query}\n# ${tag}`;
      const answers: Answer[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const id = `run-${run}`;
        client.subscribe(id, query, testCase.variables ?? {});
        await waitFor(() =>
          client.messages().some((m) => m.id === id && ['complete', 'error'].includes(m.type)),
        );
        const frames = client.messages().filter((m) => m.id === id);
        const errorFrame = frames.find((m) => m.type === 'error');
        const body: Body = errorFrame
          ? { errors: errorFrame.payload as Body['errors'] }
          : (frames.find((m) => m.type === 'next')!.payload as Body);
        answers.push(answerOf(errorFrame ? 0 : 200, body));
      }
      return answers;
    } finally {
      await client.close();
    }
  }

  async function expectSameOnEveryRun(testCase: Case): Promise<void> {
    const tag = `${testCase.name} ${randomUUID()}`;
    const runs: Answer[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await overHttp(testCase, tag));
    expect(runs[0]!.errors.map((error) => error.code)).toContain(testCase.code);
    expect(runs.slice(1)).toEqual(runs.slice(1).map(() => runs[0]));
    if (!testCase.overWebSocket) return;
    const socketRuns = await overWebSocket(testCase, `${tag} ws`);
    expect(socketRuns[0]!.errors.map((error) => error.code)).toContain(testCase.code);
    expect(socketRuns.slice(1)).toEqual(socketRuns.slice(1).map(() => socketRuns[0]));
    // The same failure, whichever transport carried it.
    expect(socketRuns[0]!.errors).toEqual(runs[0]!.errors);
  }

  it('meets every code of the contract but the ones no operation answers yet', () => {
    const met = new Set([...CASES, INTERNAL_CASE].map((testCase) => testCase.code));
    const unmet = Object.values(GatewayErrorCode).filter(
      (code) => !met.has(code) && !NOT_MET_BY_ANY_OPERATION.has(code),
    );
    expect(unmet).toEqual([]);
  });

  it.each(CASES)('$code: $name', async (testCase) => {
    if (testCase.gateway === 'limited') {
      // Spend the second's one token first, so that each run is above the rate.
      await overHttp(testCase, 'spend the token');
    }
    await expectSameOnEveryRun(testCase);
  });

  it(`${INTERNAL_CASE.code}: ${INTERNAL_CASE.name}`, async () => {
    await redis.stop();
    await expectSameOnEveryRun(INTERNAL_CASE);
    expect(gateways.simulated.logs.some((line) => line.includes('Cannot assign to read only'))).toBe(false);
  });
});
