import { useTestGateway } from '../../support/use-test-gateway';
import { randomUUID } from 'node:crypto';
import { postWebhookBytes } from '../../support/webhook-client';
import {
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
} from '../../../src/simulator';
import { waitFor } from '../../support/gateway-harness';
import { WATCH, type Watched } from './support/status-documents';
import { expectStalledSubscriberCutOff } from './support/stalled-subscriber';
import { WsProtocolClient } from './support/ws-protocol-client';

const APP_SECRET = 'fanout-reliability-app-secret';
const SUBSCRIBER_KEY = 'fanout-reliability-subscriber';
const ALICE = '+12025550181';
const BOB = '+12025550182';
const REDIS_URL = 'redis://127.0.0.1:6379';
const KEY_PREFIX = `for-${randomUUID().slice(0, 12)}:`;
/** pino's error level: nothing at or above it may be logged for a client's own mistake. */
const ERROR_LEVEL = 50;

const gateway = useTestGateway(() => ({
  WHATSAPP_APP_SECRET: APP_SECRET,
  GATEWAY_API_KEYS: `${SUBSCRIBER_KEY}:subscribe+read`,
  REDIS_URL,
  REDIS_KEY_PREFIX: KEY_PREFIX,
}));
let sequence = 0;
const clients: WsProtocolClient[] = [];

async function connect(): Promise<WsProtocolClient> {
  const client = await WsProtocolClient.connect(gateway.url, SUBSCRIBER_KEY);
  clients.push(client);
  return client;
}

const newId = (): string => `wamid.reliability-${Date.now()}-${sequence++}`;

async function postStatuses(to: string, count: number): Promise<void> {
  const body = serializeMetaJson(
    buildStatusWebhook({
      statuses: Array.from({ length: count }, () =>
        buildWireStatus({
          messageId: newId(),
          status: 'sent',
          recipientId: to,
          timestamp: 1_700_000_000 + sequence++,
        }),
      ),
    }),
  );
  const logged = gateway.logs.length;
  const { status } = await postWebhookBytes(gateway.url, body, {
    'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
  });
  // On a refusal, what the gateway logged says why (a store failure is answered 503).
  expect({ status, logs: status === 200 ? [] : gateway.logs.slice(logged) }).toEqual({
    status: 200,
    logs: [],
  });
}

function errorLevelLines(from: number): string[] {
  return gateway.logs
    .slice(from)
    .filter((line) => (JSON.parse(line) as { level: number }).level >= ERROR_LEVEL);
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('live subscriptions under misuse (RELIABILITY.md 42, 43, 46)', () => {
  it('42: refuses a `since` from the future with BAD_USER_INPUT, like one too old', async () => {
    const client = await connect();
    client.subscribe('live', WATCH, { recipient: ALICE });
    await client.settle();
    await postStatuses(ALICE, 1);
    await waitFor(() => client.nexts('live').length === 1);

    client.subscribe('future', WATCH, { since: '99999999999999-0' });
    await waitFor(() => client.messages().some((m) => m.id === 'future' && m.type === 'error'));
    const error = client.messages().find((m) => m.id === 'future' && m.type === 'error')!;
    expect(error.payload).toEqual([
      {
        message: expect.stringContaining('99999999999999-0'),
        extensions: { code: 'BAD_USER_INPUT', field: 'since', requestId: expect.any(String) },
      },
    ]);
    expect(client.nexts('future')).toEqual([]);
    // The newest cursor handed out is still a fine place to resume from.
    const newest = client.nexts<Watched>('live')[0]!.data!.messageStatusChanged.cursor;
    client.subscribe('resumed', WATCH, { recipient: ALICE, since: newest });
    await postStatuses(ALICE, 1);
    await waitFor(() => client.nexts('resumed').length === 1);
    expect(client.messages().filter((m) => m.id === 'resumed' && m.type === 'error')).toEqual([]);
  });

  it('43: answers a document with a syntax error on its own operation and keeps the socket', async () => {
    const client = await connect();
    client.subscribe('good', WATCH, { recipient: ALICE });
    await client.settle();
    const logged = gateway.logs.length;

    client.subscribe('broken', 'subscription { messageStatusChanged(recipient: "+1202555" { status }');
    await waitFor(() => client.messages().some((m) => m.id === 'broken' && m.type === 'error'));
    expect(client.messages().find((m) => m.id === 'broken' && m.type === 'error')!.payload).toEqual([
      {
        message: expect.stringMatching(/^Syntax Error/),
        locations: [expect.objectContaining({ line: 1 })],
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'GRAPHQL_PARSE_FAILED',
          requestId: expect.any(String),
        },
      },
    ]);
    // A document that parses but does not validate is answered the same way.
    client.subscribe('invalid', 'subscription { messageStatusChanged { noSuchField } }');
    await waitFor(() => client.messages().some((m) => m.id === 'invalid' && m.type === 'error'));

    await postStatuses(ALICE, 1);
    await waitFor(() => client.nexts('good').length === 1);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    // The broken ids are free again, and take a good document.
    client.subscribe('broken', WATCH, { recipient: ALICE });
    await client.settle();
    await postStatuses(ALICE, 1);
    await waitFor(() => client.nexts('broken').length === 1 && client.nexts('good').length === 2);
    expect(errorLevelLines(logged)).toEqual([]);
  });

  it('46: closes a consumer that stops reading with 1013 whatever its document uses', async () => {
    // A directive on the field, an alias, fragments, and several fields in the selection.
    const document = `subscription Heavy { ...Changes }
      fragment Changes on Subscription {
        changed: messageStatusChanged(recipient: "${BOB}") @include(if: true) {
          cursor
          ${Array.from({ length: 12 }, (_, i) => `m${i}: message { ...Message }`).join(' ')}
        }
      }
      fragment Message on Message {
        id recipient statusHistory { status timestamp receivedAt cursor } diagnosis(locale: ZH_TW) { verdict explanation }
      }`;
    const healthy = await expectStalledSubscriberCutOff({
      connect,
      document,
      postHundred: () => postStatuses(BOB, 100),
    });
    const first = healthy.nexts<{ changed: { m0: { id: string } } }>('h')[0]!;
    expect(first.errors).toBeUndefined();
    expect(first.data!.changed.m0.id).toMatch(/^wamid\.reliability-/);
  }, 40_000);
});
