import { buildInboundMessageWebhook } from '../../../src/simulator';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from '../live/support/live-webhooks';

const SEND = /* GraphQL */ `
  mutation ($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
      }
      error {
        code
      }
      warnings
    }
  }
`;

// On Redis the window is read by the script that stores the send; a refused send looks it up on its own.
describe.each(['the embedded store', 'Redis'])('the service window before a send, on %s', (store) => {
  let gateway: TestGateway;
  let redis: RedisProcess | undefined;
  beforeAll(async () => {
    redis = store === 'Redis' ? await RedisProcess.start() : undefined;
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      ...(redis && { REDIS_URL: redis.url }),
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.remove();
  });

  const customerWrote = async (number: string, secondsAgo: number): Promise<void> => {
    const body = buildInboundMessageWebhook({
      phoneNumberId: gateway.simulator!.phoneNumberId,
      from: number,
      content: 'Hello?',
      timestamp: Math.floor(Date.now() / 1000) - secondsAgo,
    });
    expect((await postSignedJson(gateway.url, body)).status).toBe(200);
  };

  const send = async (input: Record<string, unknown>) => {
    const { body } = await gateway.graphql<{
      sendMessage: { message: { id: string } | null; error: { code: number } | null; warnings: string[] };
    }>(SEND, { input });
    expect(body.errors).toBeUndefined();
    return body.data!.sendMessage;
  };

  it('warns (and still sends) a text to a customer whose window the gateway knows is closed', async () => {
    await customerWrote('+12025550180', 2 * 24 * 3600);
    const sent = await send({ to: '+12025550180', text: { body: 'Your order shipped' } });
    expect(sent.message?.id).toMatch(/^wamid\./);
    expect(sent.warnings).toEqual([
      expect.stringMatching(/^The customer's 24-hour service window closed at .*131047.*template/),
    ]);
  });

  it('does not warn for a template, for an open window, or for a customer the gateway never heard from', async () => {
    await customerWrote('+12025550181', 2 * 24 * 3600);
    expect(
      (await send({ to: '+12025550181', template: { name: 'order_update', languageCode: 'en_US' } }))
        .warnings,
    ).toEqual([]);
    await customerWrote('+12025550182', 60);
    expect((await send({ to: '+12025550182', text: { body: 'Hi' } })).warnings).toEqual([]);
    expect((await send({ to: '+12025550183', text: { body: 'Hi' } })).warnings).toEqual([]);
  });

  it('warns with a send Meta refuses for the closed window (131047)', async () => {
    await customerWrote('+12025550115', 3 * 24 * 3600);
    const refused = await send({ to: '+12025550115', text: { body: 'Are you there?' } });
    expect(refused.error?.code).toBe(131047);
    expect(refused.warnings).toEqual([expect.stringMatching(/service window closed at/)]);
  });
});
