import { Redis } from 'ioredis';
import { type CallStore, RedisCallStore } from '../../../src/calls';
import { type MessageStore, MessageOrigin, MessageStatus } from '../../../src/messages';
import { createSilentLogger } from '../../../src/observability';
import { createWebhookHandler, signBody, type WebhookHandler } from '../../../src/webhooks';
import { freePort } from '../../support/gateway-process';
import {
  CALL_ERROR_12455,
  callsBody,
  type Customer,
  echoesBody,
  failedTerminate,
  textEcho,
  userCallConnect,
} from '../../unit/webhooks/coexistence-and-calls.fixtures';
import { metaBytes, PHONE_NUMBER_ID } from '../../unit/webhooks/meta-payload.fixtures';
import {
  memoryStoreSetup,
  randomKeyPrefix,
  recordOf,
  redisStoreSetup,
  type StoreSetup,
  type StoreUnderTest,
  withFaults,
} from './webhook-store-setups';
import { recommendedRedisOptions } from '../../../src/store-kit';

const APP_SECRET = 'echo-and-call-app-secret-3b7e';
const NOW = 1_761_300_000_000;
const T = 1_761_299_000;
const CUSTOMER: Customer = { waId: '5491155550142', userId: 'AR.8802000000000142', name: 'Marta Quiroga' };

function handlerOf(
  sut: Pick<StoreUnderTest, 'contacts' | 'accountEvents' | 'inbound'>,
  store: MessageStore,
  calls: CallStore,
): WebhookHandler {
  return createWebhookHandler({
    store,
    contacts: sut.contacts,
    accountEvents: sut.accountEvents,
    inbound: sut.inbound,
    calls,
    appSecret: APP_SECRET,
    verifyToken: 'echo-and-call-verify-token',
    logger: createSilentLogger(),
    clock: () => NOW,
  });
}

function post(handler: WebhookHandler, body: Buffer): ReturnType<WebhookHandler['handleNotification']> {
  return handler.handleNotification(body, signBody(body, APP_SECRET));
}

/** A call store whose writes fail as a store that lost its connection does. */
function failingCalls(calls: CallStore): CallStore {
  return {
    record: async () => {
      throw new Error('connection lost');
    },
    readEventsAfter: (cursor, limit) => calls.readEventsAfter(cursor, limit),
    listFor: (customers, limit, position) => calls.listFor(customers, limit, position),
  };
}

const setups: StoreSetup[] = [memoryStoreSetup, redisStoreSetup(randomKeyPrefix('echo-call-webhooks'))];

describe.each(setups)('echo and call webhooks with the $name', (setup) => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await setup.create();
  });
  afterEach(async () => {
    await sut.close();
  });

  it('stores an echo as the business’s message, without touching the customer’s service window', async () => {
    const handler = handlerOf(sut, sut.store, sut.calls);
    const body = metaBytes(echoesBody(CUSTOMER, [textEcho(CUSTOMER, 'wamid.WH.echo', T, 'Listo ✅')]));
    expect(await post(handler, body)).toEqual({ statusCode: 200, body: 'OK' });
    expect(await post(handler, body)).toEqual({ statusCode: 200, body: 'OK' }); // Meta's redelivery
    expect(await recordOf(sut.store, 'wamid.WH.echo')).toMatchObject({
      origin: MessageOrigin.BUSINESS_APP,
      recipient: '+5491155550142',
      text: 'Listo ✅',
      status: MessageStatus.ACCEPTED,
      statusHistory: [{ status: MessageStatus.ACCEPTED }],
    });
    expect(await sut.store.lastInboundAt('5491155550142', PHONE_NUMBER_ID)).toBeNull();
    expect(await sut.contacts.find('+5491155550142')).toMatchObject({
      userId: 'AR.8802000000000142',
      profileName: 'Marta Quiroga',
    });
    expect(await sut.contacts.find('+5491155550142')).not.toHaveProperty('lastInboundAt');
    const { records } = await sut.accountEvents.list(null, 10, null);
    expect(records).toEqual([]);
  });

  it('stores calls once, with their errors, and answers 503 when the call store fails so that Meta retries', async () => {
    const body = metaBytes(
      callsBody(CUSTOMER, {
        calls: [failedTerminate(CUSTOMER, 'wacid.WH.1', T + 40)],
        errors: [CALL_ERROR_12455],
      }),
    );
    const broken = handlerOf(sut, sut.store, failingCalls(sut.calls));
    expect(await post(broken, body)).toEqual({ statusCode: 503, body: 'Store unavailable; retry later' });
    expect(await sut.calls.listFor(['+5491155550142'], 10, null)).toEqual([]);

    const handler = handlerOf(sut, sut.store, sut.calls);
    expect(await post(handler, body)).toEqual({ statusCode: 200, body: 'OK' });
    expect(await post(handler, body)).toEqual({ statusCode: 200, body: 'OK' });
    const stored = await sut.calls.listFor(['AR.8802000000000142', '+5491155550142'], 10, null);
    expect(stored).toEqual([
      expect.objectContaining({
        callId: 'wacid.WH.1',
        status: 'FAILED',
        receivedAt: NOW,
        errors: [expect.objectContaining({ code: 12455, title: 'Call failed' })],
      }),
    ]);
    const { records } = await sut.accountEvents.list(null, 10, null);
    expect(records).toEqual([]);
  });

  it('answers 503 when the echo cannot be stored, and stores it once Meta retries', async () => {
    const body = metaBytes(echoesBody(CUSTOMER, [textEcho(CUSTOMER, 'wamid.WH.retry', T, 'again')]));
    const broken = handlerOf(
      sut,
      withFaults(sut.store, {
        recordEchoes: async () => {
          throw new Error('connection lost');
        },
      }),
      sut.calls,
    );
    expect((await post(broken, body)).statusCode).toBe(503);
    expect(await recordOf(sut.store, 'wamid.WH.retry')).toBeNull();
    expect((await post(handlerOf(sut, sut.store, sut.calls), body)).statusCode).toBe(200);
    expect(await recordOf(sut.store, 'wamid.WH.retry')).toMatchObject({ text: 'again' });
  });
});

it('answers 503 for a call when Redis is unreachable', async () => {
  const port = await freePort();
  const command = new Redis({ ...recommendedRedisOptions, host: '127.0.0.1', port, lazyConnect: true });
  command.on('error', () => undefined);
  const sut = await memoryStoreSetup.create();
  try {
    const handler = handlerOf(
      sut,
      sut.store,
      new RedisCallStore(command, { keyPrefix: randomKeyPrefix('wh') }),
    );
    const body = metaBytes(callsBody(CUSTOMER, { calls: [userCallConnect(CUSTOMER, 'wacid.WH.down', T)] }));
    expect(await post(handler, body)).toEqual({ statusCode: 503, body: 'Store unavailable; retry later' });
  } finally {
    command.disconnect();
    await sut.close();
  }
});
