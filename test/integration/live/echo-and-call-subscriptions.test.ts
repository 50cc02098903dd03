import { randomBytes, randomInt } from 'node:crypto';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import {
  CALL_ERROR_12455,
  callsBody,
  type Customer,
  echoesBody,
  failedTerminate,
  textEcho,
  userCallConnect,
} from '../../unit/webhooks/coexistence-and-calls.fixtures';
import { deleteKeysWithPrefix, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { LiveSubscriber } from './support/live-subscriber';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from './support/live-webhooks';

/** The gateways' keys get a prefix of this file's own on a database it shares: nothing is flushed. */
const REDIS_URL = redisDatabaseUrl(14);
const KEY_PREFIX = `echo-call-live-${randomBytes(4).toString('hex')}:`;

const CALL_EVENT_RECEIVED = /* GraphQL */ `
  subscription Calls($contact: String, $since: String) {
    callEventReceived(contact: $contact, since: $since) {
      cursor
      callId
      kind
      status
      direction
      errors {
        code
        title
      }
      contact {
        id
        phone
      }
    }
  }
`;

const STATUS_CHANGED = /* GraphQL */ `
  subscription Statuses($recipient: String) {
    messageStatusChanged(recipient: $recipient) {
      status
      previousStatus
      message {
        id
        origin
        type
        text
      }
    }
  }
`;

interface CallPayload {
  cursor: string;
  callId: string;
  kind: string;
  status: string | null;
  direction: string | null;
  errors: Array<{ code: number; title: string | null }>;
  contact: { id: string; phone: string | null };
}

interface StatusPayload {
  status: string;
  previousStatus: string | null;
  message: { id: string; origin: string; type: string; text: string | null };
}

/** A customer of this run only, so that subscriptions see this file's events alone. */
function newCustomer(): Customer & { waId: string } {
  return { waId: `1650${randomInt(1_000_000, 9_999_999)}`, name: 'Carla' };
}

const T = 1_761_400_000;

describe.each([
  ['two gateways sharing Redis', true],
  ['one gateway on the embedded store', false],
])('call events and echoes live on %s', (_name, shared) => {
  let receiving: TestGateway;
  let serving: TestGateway;
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  const open = <P>(query: string, field: string, variables: Record<string, unknown>): LiveSubscriber<P> => {
    const subscriber = new LiveSubscriber<P>(serving.url, query, field, variables);
    subscribers.push(subscriber as LiveSubscriber<unknown>);
    return subscriber;
  };

  beforeAll(async () => {
    if (shared) {
      const env = { REDIS_KEY_PREFIX: KEY_PREFIX };
      [receiving, serving] = await Promise.all([
        startLiveGateway(REDIS_URL, env),
        startLiveGateway(REDIS_URL, env),
      ]);
    } else {
      receiving = await startTestGateway({
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      });
      serving = receiving;
    }
  });
  afterAll(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.close()));
    await Promise.all([...new Set([receiving, serving])].map((gateway) => gateway?.close()));
    if (shared) await deleteKeysWithPrefix(REDIS_URL, KEY_PREFIX);
  });

  const post = async (body: unknown): Promise<void> => {
    expect(await postSignedJson(receiving.url, body)).toEqual({ status: 200, body: 'OK' });
  };

  it('delivers a customer’s call events as they arrive, and replays them after a cursor', async () => {
    const customer = newCustomer();
    const calls = open<CallPayload>(CALL_EVENT_RECEIVED, 'callEventReceived', {
      contact: `+${customer.waId}`,
    });
    await calls.untilLive(() =>
      post(
        callsBody(customer, {
          calls: [userCallConnect(customer, `wacid.probe.${randomInt(1, 10 ** 9)}`, T)],
        }),
      ),
    );

    const callId = `wacid.live.${randomInt(1, 10 ** 9)}`;
    await post(callsBody(customer, { calls: [userCallConnect(customer, callId, T + 1)] }));
    await post(
      callsBody(customer, { calls: [failedTerminate(customer, callId, T + 31)], errors: [CALL_ERROR_12455] }),
    );
    // Another customer's call reaches nobody here.
    const other = newCustomer();
    await post(
      callsBody(other, { calls: [userCallConnect(other, `wacid.other.${randomInt(1, 10 ** 9)}`, T)] }),
    );

    await calls.waitForCount(2);
    expect(calls.events.map(({ cursor: _cursor, ...event }) => event)).toEqual([
      {
        callId,
        kind: 'CONNECT',
        status: null,
        direction: 'USER_INITIATED',
        errors: [],
        contact: { id: `+${customer.waId}`, phone: `+${customer.waId}` },
      },
      {
        callId,
        kind: 'TERMINATE',
        status: 'FAILED',
        direction: 'USER_INITIATED',
        errors: [{ code: 12455, title: 'Call failed' }],
        contact: { id: `+${customer.waId}`, phone: `+${customer.waId}` },
      },
    ]);

    // Resuming after the first event replays exactly the second, then goes live.
    const resumed = open<CallPayload>(CALL_EVENT_RECEIVED, 'callEventReceived', {
      contact: `+${customer.waId}`,
      since: calls.events[0]!.cursor,
    });
    await resumed.waitFor((event) => event.kind === 'TERMINATE');
    const later = `wacid.later.${randomInt(1, 10 ** 9)}`;
    await post(callsBody(customer, { calls: [userCallConnect(customer, later, T + 600)] }));
    await resumed.waitFor((event) => event.callId === later);
    expect(resumed.events.map((event) => [event.callId, event.kind])).toEqual([
      [callId, 'TERMINATE'],
      [later, 'CONNECT'],
    ]);
    expect(calls.events).toHaveLength(3);
  });

  it('shows a message sent from the WhatsApp Business app on the status stream, as an outbound message', async () => {
    const customer = newCustomer();
    const statuses = open<StatusPayload>(STATUS_CHANGED, 'messageStatusChanged', {
      recipient: `+${customer.waId}`,
    });
    const now = Math.floor(Date.now() / 1000);
    await statuses.untilLive(() =>
      post(echoesBody(customer, [textEcho(customer, `wamid.PROBE${randomInt(1, 10 ** 9)}`, now, 'probe')])),
    );
    const id = `wamid.APP${randomInt(1, 10 ** 9)}`;
    const echo = echoesBody(customer, [textEcho(customer, id, now, 'Sent from my phone')]);
    await post(echo);
    await post(echo); // a redelivery publishes nothing
    const got = await statuses.waitFor((event) => event.message.id === id);
    expect(got).toEqual({
      status: 'ACCEPTED',
      previousStatus: null,
      message: { id, origin: 'BUSINESS_APP', type: 'text', text: 'Sent from my phone' },
    });
    const marker = `wamid.MARK${randomInt(1, 10 ** 9)}`;
    await post(echoesBody(customer, [textEcho(customer, marker, now + 1, 'marker')]));
    await statuses.waitFor((event) => event.message.id === marker);
    expect(statuses.events.filter((event) => event.message.id === id)).toHaveLength(1);
  });
});
