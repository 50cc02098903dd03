import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import {
  APP_SECRET,
  newWamid,
  postSignedJson,
  statusWebhook,
  VERIFY_TOKEN,
} from '../live/support/live-webhooks';

const WABA_ID = '102290129340398';
const PHONE_NUMBER_ID = '106540352242922';
/** Unix seconds of the first choice; later ones follow it. */
const T = 1_760_200_000;

/** A `user_preferences` change as Meta sends it: one customer's choice, with their contact. */
function preferenceBody(customer: string, choice: Record<string, unknown>, at: number): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        time: at,
        changes: [
          {
            field: 'user_preferences',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Tomás' }, wa_id: customer }],
              user_preferences: [
                { wa_id: customer, category: 'marketing_messages', timestamp: at, ...choice },
              ],
            },
          },
        ],
      },
    ],
  };
}

const NEWEST_PREFERENCE = /* GraphQL */ `
  {
    accountEvents(kind: [USER_PREFERENCE], first: 1) {
      nodes {
        summary
        zh: summary(locale: ZH_TW)
        payload
      }
    }
  }
`;

interface PreferenceEvent {
  summary: string;
  zh: string;
  payload: { user_preferences: Array<Record<string, unknown>> };
}

describe.each(['the embedded store', 'Redis'])('marketing preferences over HTTP, on %s', (store) => {
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

  const choose = async (customer: string, choice: Record<string, unknown>, at: number): Promise<void> => {
    expect(await postSignedJson(gateway.url, preferenceBody(customer, choice, at))).toEqual({
      status: 200,
      body: 'OK',
    });
  };

  const optOut = async (customer: string): Promise<boolean | undefined> => {
    const { body } = await gateway.graphql<{ contact: { marketingOptOut: boolean } | null }>(
      'query ($id: String!) { contact(id: $id) { marketingOptOut } }',
      { id: `+${customer}` },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.contact?.marketingOptOut;
  };

  const newestPreference = async (): Promise<PreferenceEvent> => {
    const { body } = await gateway.graphql<{ accountEvents: { nodes: PreferenceEvent[] } }>(
      NEWEST_PREFERENCE,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.accountEvents.nodes[0]!;
  };

  it('takes a signup through a signup link as an opt-in, and says so with Meta’s own words', async () => {
    const customer = '5215512345678';
    await choose(customer, { value: 'stop', detail: 'User requested to stop marketing messages' }, T);
    expect(await optOut(customer)).toBe(true);

    await choose(
      customer,
      { value: 'signup', detail: 'User signed up via signup link', signup_id: '20931847561029384' },
      T + 3600,
    );
    expect(await optOut(customer)).toBe(false);
    const event = await newestPreference();
    expect(event.summary).toBe(
      `${customer} signed up for marketing messages through a signup link (Meta says: “User signed up via signup link”)`,
    );
    expect(event.zh).toBe(
      `${customer} 透過註冊連結訂閱行銷訊息（Meta 說明：「User signed up via signup link」）`,
    );
    expect(event.payload.user_preferences[0]).toMatchObject({
      value: 'signup',
      signup_id: '20931847561029384',
      detail: 'User signed up via signup link',
    });

    // A 131050 that Meta reports for an older send: the evidence names the later opt-in, not a stop.
    const id = newWamid();
    const failed = statusWebhook({
      messageId: id,
      status: 'failed',
      recipientId: customer,
      timestamp: T + 3700,
      errorCode: 131050,
    });
    expect((await postSignedJson(gateway.url, failed)).status).toBe(200);
    const { body } = await gateway.graphql<{ message: { diagnosis: { evidence: string[] } } }>(
      'query ($id: ID!) { message(id: $id) { diagnosis { evidence } } }',
      { id },
    );
    expect(body.data?.message.diagnosis.evidence).toContainEqual(
      expect.stringMatching(/^The customer opted in to marketing messages on .* \(resumed or signed up/),
    );
  });

  it('shows a choice it does not know as Meta’s word, and leaves the contact’s opt-out as it was', async () => {
    const customer = '5215512345679';
    await choose(customer, { value: 'stop' }, T);
    await choose(customer, { value: 'snooze' }, T + 60);
    expect(await optOut(customer)).toBe(true);
    const event = await newestPreference();
    expect(event.summary).toBe(`${customer} chose "snooze" for marketing messages`);
    expect(event.zh).toBe(`${customer} 將行銷訊息偏好設為「snooze」`);
  });
});
