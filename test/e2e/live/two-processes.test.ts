import { request } from 'undici';
import { type GatewayProcess, startGatewayProcess } from '../../support/gateway-process';
import { flushDatabase, redisDatabaseUrl } from '../../integration/live/support/live-gateway';
import {
  APP_SECRET,
  newWamid,
  postStatus,
  uniquePhoneNumberId,
  VERIFY_TOKEN,
} from '../../integration/live/support/live-webhooks';
import { StatusSubscriber } from '../../integration/live/support/status-subscriber';

const REDIS_URL = redisDatabaseUrl(12);
const RECIPIENT = '12025550189';

describe('two built gateway processes on one Redis', () => {
  let first: GatewayProcess | undefined;
  let second: GatewayProcess | undefined;
  let subscriber: StatusSubscriber | undefined;

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    const env = {
      REDIS_URL,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      LOG_LEVEL: 'warn',
    };
    [first, second] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  });
  afterAll(async () => {
    await subscriber?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await flushDatabase(REDIS_URL);
  });

  it('streams a webhook posted to one process to a subscriber on the other', async () => {
    const pn = uniquePhoneNumberId();
    subscriber = StatusSubscriber.open(second!.url, { phoneNumberId: pn });
    await subscriber.untilLive(() =>
      postStatus(first!.url, {
        messageId: newWamid(),
        status: 'sent',
        recipientId: RECIPIENT,
        phoneNumberId: pn,
      }),
    );
    const id = newWamid();
    await postStatus(first!.url, {
      messageId: id,
      status: 'sent',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await postStatus(first!.url, {
      messageId: id,
      status: 'read',
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    await subscriber.waitForEvent((e) => e.message.id === id && e.status === 'READ');
    expect(subscriber.events.filter((e) => e.message.id === id).map((e) => e.status)).toEqual([
      'SENT',
      'READ',
    ]);

    // Resuming on the first process from a cursor seen on the second replays the same stream.
    const [sent] = subscriber.events.filter((e) => e.message.id === id);
    const resumed = StatusSubscriber.open(first!.url, { phoneNumberId: pn, since: sent!.cursor });
    try {
      const [replayed] = await resumed.waitForCount(1);
      expect(replayed).toMatchObject({ status: 'READ', message: { id, status: 'READ' } });
    } finally {
      await resumed.close();
    }

    const response = await request(`${second!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($id: ID!) { message(id: $id) { status } }', variables: { id } }),
    });
    expect(await response.body.json()).toEqual({ data: { message: { status: 'READ' } } });
  });
});
