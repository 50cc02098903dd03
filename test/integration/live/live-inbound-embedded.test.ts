import { buildInboundMessageWebhook } from '../../../src/simulator';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { LiveSubscriber } from './support/live-subscriber';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from './support/live-webhooks';

const MESSAGE_RECEIVED = /* GraphQL */ `
  subscription ($since: String) {
    messageReceived(contact: "+12025550192", since: $since) {
      cursor
      message {
        id
        text
      }
    }
  }
`;

describe('messageReceived on the embedded store', () => {
  let gateway: TestGateway;
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  beforeAll(async () => {
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    });
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await gateway?.close();
  });

  const writes = async (id: string, text: string) => {
    const body = buildInboundMessageWebhook({ from: '+12025550192', content: text, messageId: id });
    expect((await postSignedJson(gateway.url, body)).status).toBe(200);
  };

  it('delivers live, then replays after a cursor with no gap and no duplicate', async () => {
    const live = new LiveSubscriber<{ cursor: string; message: { id: string } }>(
      gateway.url,
      MESSAGE_RECEIVED,
      'messageReceived',
    );
    subscribers.push(live as LiveSubscriber<unknown>);
    let n = 0;
    await live.untilLive(() => writes(`wamid.embedded.probe.${(n += 1)}`, 'probe'));
    await writes('wamid.embedded.1', 'one');
    await writes('wamid.embedded.2', 'two');
    await live.waitFor((event) => event.message.id === 'wamid.embedded.2');
    const first = live.events.find((event) => event.message.id === 'wamid.embedded.1')!;

    const resumed = new LiveSubscriber<{ message: { id: string } }>(
      gateway.url,
      MESSAGE_RECEIVED,
      'messageReceived',
      {
        since: first.cursor,
      },
    );
    subscribers.push(resumed as LiveSubscriber<unknown>);
    await resumed.waitFor((event) => event.message.id === 'wamid.embedded.2');
    await writes('wamid.embedded.3', 'three');
    await resumed.waitFor((event) => event.message.id === 'wamid.embedded.3');
    expect(resumed.events.map((event) => event.message.id)).toEqual(['wamid.embedded.2', 'wamid.embedded.3']);
  });
});
