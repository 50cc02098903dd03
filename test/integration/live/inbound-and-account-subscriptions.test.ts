import { randomInt } from 'node:crypto';
import { buildInboundMessageWebhook } from '../../../src/simulator';
import { type TestGateway } from '../../support/gateway-harness';
import { flushDatabase, redisDatabaseUrl, startLiveGateway } from './support/live-gateway';
import { LiveSubscriber } from './support/live-subscriber';
import { postSignedJson } from './support/live-webhooks';

const REDIS_URL = redisDatabaseUrl(2);

const MESSAGE_RECEIVED = /* GraphQL */ `
  subscription Inbound($contact: String, $since: String) {
    messageReceived(contact: $contact, since: $since) {
      cursor
      message {
        id
        type
        text
        from {
          id
          phone
          userId
        }
      }
    }
  }
`;

const ACCOUNT_EVENT_RECEIVED = /* GraphQL */ `
  subscription Account($kind: [AccountEventKind!], $since: String) {
    accountEventReceived(kind: $kind, since: $since) {
      cursor
      kind
      summary
      zh: summary(locale: ZH_TW)
    }
  }
`;

interface InboundEvent {
  cursor: string;
  message: {
    id: string;
    type: string;
    text: string | null;
    from: { id: string; phone: string | null; userId: string | null };
  };
}
interface AccountEventPayload {
  cursor: string;
  kind: string;
  summary: string;
  zh: string;
}

describe('messageReceived and accountEventReceived on two gateways sharing Redis', () => {
  let receiving: TestGateway;
  let serving: TestGateway;
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  const open = <T>(query: string, field: string, variables: Record<string, unknown>): LiveSubscriber<T> => {
    const subscriber = new LiveSubscriber<T>(serving.url, query, field, variables);
    subscribers.push(subscriber as LiveSubscriber<unknown>);
    return subscriber;
  };

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    [receiving, serving] = await Promise.all([startLiveGateway(REDIS_URL), startLiveGateway(REDIS_URL)]);
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await Promise.all([receiving?.close(), serving?.close()]);
    await flushDatabase(REDIS_URL);
  });

  /** A customer writes; the webhook lands on the other gateway. Returns the wamid. */
  const customerWrites = async (
    customer: { from?: string; fromUserId?: string },
    text: string,
  ): Promise<string> => {
    const id = `wamid.IN${randomInt(10 ** 9, 10 ** 10)}${randomInt(1000, 10_000)}`;
    const body = buildInboundMessageWebhook({ ...customer, content: text, messageId: id });
    expect((await postSignedJson(receiving.url, body)).status).toBe(200);
    return id;
  };

  it('delivers a customer’s messages live, by number or BSUID once Meta showed both, and resumes with since', async () => {
    const number = '+12025550190';
    const bsuid = 'US.9000000000000190';
    // Meta shows both names once: the contact joins them.
    await customerWrites({ from: number, fromUserId: bsuid }, 'first');
    const byBsuid = open<InboundEvent>(MESSAGE_RECEIVED, 'messageReceived', { contact: bsuid });
    await byBsuid.untilLive(async () => void (await customerWrites({ from: number }, 'probe')));

    const second = await customerWrites({ from: number }, 'by number only');
    const third = await customerWrites({ fromUserId: bsuid }, 'by BSUID only');
    const got = await byBsuid.waitFor((event) => event.message.id === third);
    expect(byBsuid.events.map((event) => event.message.id)).toEqual([second, third]);
    expect(got.message).toMatchObject({
      type: 'TEXT',
      text: 'by BSUID only',
      from: { id: bsuid, phone: number },
    });

    // A subscriber that resumes from the second's cursor gets exactly the third, then goes live.
    const resumed = open<InboundEvent>(MESSAGE_RECEIVED, 'messageReceived', {
      contact: number,
      since: byBsuid.events[0]!.cursor,
    });
    await resumed.waitFor((event) => event.message.id === third);
    const fourth = await customerWrites({ from: number }, 'after resuming');
    await resumed.waitFor((event) => event.message.id === fourth);
    expect(resumed.events.map((event) => event.message.id)).toEqual([third, fourth]);

    // Another customer's message reaches neither.
    const other = await customerWrites({ from: '+12025550191' }, 'someone else');
    const everyone = open<InboundEvent>(MESSAGE_RECEIVED, 'messageReceived', {
      since: byBsuid.events[0]!.cursor,
    });
    await everyone.waitFor((event) => event.message.id === other);
    expect(byBsuid.events.some((event) => event.message.id === other)).toBe(false);
  });

  it('refuses a cursor from the future and a contact that is no customer with BAD_USER_INPUT', async () => {
    const ahead = open<InboundEvent>(MESSAGE_RECEIVED, 'messageReceived', { since: '99999999999999-0' });
    expect((await ahead.waitForErrors())[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const nobody = open<InboundEvent>(MESSAGE_RECEIVED, 'messageReceived', { contact: 'robert smith' });
    expect((await nobody.waitForErrors())[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('delivers account events live by kind, with their summaries, and replays them with since', async () => {
    const templates = open<AccountEventPayload>(ACCOUNT_EVENT_RECEIVED, 'accountEventReceived', {
      kind: ['TEMPLATE_STATUS'],
    });
    const change = (event: string, name: string, field = 'message_template_status_update') => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          time: 1_760_000_000 + randomInt(0, 1_000_000),
          changes: [
            {
              field,
              value: { event, message_template_name: name, message_template_language: 'en', reason: 'NONE' },
            },
          ],
        },
      ],
    });
    await templates.untilLive(async () => {
      expect(
        (await postSignedJson(receiving.url, change('APPROVED', `probe_${randomInt(1, 10 ** 9)}`))).status,
      ).toBe(200);
    });
    expect((await postSignedJson(receiving.url, change('UPDATE', 'ignored', 'security'))).status).toBe(200);
    expect((await postSignedJson(receiving.url, change('DISABLED', 'promo'))).status).toBe(200);
    const disabled = await templates.waitFor((event) => event.summary.startsWith('Template promo'));
    expect(disabled).toMatchObject({
      kind: 'TEMPLATE_STATUS',
      summary: 'Template promo (en) disabled',
      zh: '範本 promo (en) 已停用',
    });
    expect(templates.events.map((event) => event.kind)).toEqual(['TEMPLATE_STATUS']);

    const everything = open<AccountEventPayload>(ACCOUNT_EVENT_RECEIVED, 'accountEventReceived', {
      since: '0-0',
    });
    await everything.waitFor((event) => event.cursor === disabled.cursor);
    expect(everything.events.map((event) => event.kind)).toContain('SECURITY');
  });
});
