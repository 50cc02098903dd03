import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { LiveSubscriber } from '../live/support/live-subscriber';
import { APP_SECRET, newWamid, postSignedJson, VERIFY_TOKEN } from '../live/support/live-webhooks';
import { change, type Json, messagesValue, notification } from '../../unit/webhooks/meta-payload.fixtures';

const PHONE_NUMBER_ID = '106540352242922';
const T = 1_760_300_000;
const BSUID = 'BR.20394857610293847';
const PARENT_BSUID = 'BR.ENT.55501928374650192';
const GROUP_ID = '120363049182736451';

/** A messages webhook with statuses and the contacts Meta puts beside them. */
function statusesBody(statuses: Json[], contacts: Json[] = []): Json {
  return notification([[change(messagesValue({ phoneNumberId: PHONE_NUMBER_ID, contacts, statuses }))]]);
}

const RECIPIENT_FIELDS = /* GraphQL */ `
  recipient
  waId
  recipientUserId
  recipientParentUserId
  recipientType
  groupId
  recipientParticipantId
  recipientParticipantUserId
  recipientParticipantParentUserId
`;

type Recipients = Record<string, string | null>;

describe.each(['the embedded store', 'Redis'])('who a status names, over HTTP, on %s', (store) => {
  let gateway: TestGateway;
  let redis: RedisProcess | undefined;
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  beforeAll(async () => {
    redis = store === 'Redis' ? await RedisProcess.start() : undefined;
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      ...(redis && { REDIS_URL: redis.url }),
    });
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await gateway?.close();
    await redis?.remove();
  });

  const post = async (body: unknown): Promise<void> => {
    expect(await postSignedJson(gateway.url, body)).toEqual({ status: 200, body: 'OK' });
  };

  const messageOf = async (id: string) => {
    const { body } = await gateway.graphql<{
      message: Recipients & { statusHistory: Array<{ cursor: string }> };
    }>(`query ($id: ID!) { message(id: $id) { ${RECIPIENT_FIELDS} statusHistory { cursor } } }`, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.message;
  };

  it('keeps the parent BSUID under the name Meta’s examples give it (`parent_recipient_user_id`)', async () => {
    const id = newWamid();
    await post(
      statusesBody(
        [
          {
            id,
            status: 'delivered',
            timestamp: String(T),
            recipient_id: '5511987654321',
            recipient_user_id: BSUID,
            parent_recipient_user_id: PARENT_BSUID,
            pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
          },
        ],
        [
          {
            profile: { name: 'Lívia', username: '@livia.santos' },
            wa_id: '5511987654321',
            user_id: BSUID,
            parent_user_id: PARENT_BSUID,
          },
        ],
      ),
    );
    expect(await messageOf(id)).toMatchObject({
      recipient: '+5511987654321',
      recipientUserId: BSUID,
      recipientParentUserId: PARENT_BSUID,
      recipientParticipantUserId: null,
    });
    const { body } = await gateway.graphql<{ contact: { id: string; parentUserId: string } }>(
      'query ($id: String!) { contact(id: $id) { id parentUserId } }',
      { id: '+5511987654321' },
    );
    expect(body.data?.contact).toEqual({ id: BSUID, parentUserId: PARENT_BSUID });
  });

  it('shows the group participant’s ids on the message and on the status event, one participant at a time', async () => {
    const id = newWamid();
    await post(
      statusesBody([
        {
          id,
          status: 'delivered',
          timestamp: String(T),
          recipient_id: GROUP_ID,
          recipient_type: 'group',
          recipient_participant_id: '5511912345678',
          recipient_participant_user_id: 'BR.77129384756102938',
          recipient_participant_parent_user_id: 'BR.ENT.66610293847561029',
        },
      ]),
    );
    const first = await messageOf(id);
    expect(first).toMatchObject({
      recipient: null,
      recipientType: 'group',
      groupId: GROUP_ID,
      recipientParticipantId: '5511912345678',
      recipientParticipantUserId: 'BR.77129384756102938',
      recipientParticipantParentUserId: 'BR.ENT.66610293847561029',
    });

    const live = new LiveSubscriber<{ status: string; message: Recipients }>(
      gateway.url,
      /* GraphQL */ `
        subscription ($id: ID!, $since: String) {
          messageStatusChanged(messageId: $id, since: $since) {
            status
            message { ${RECIPIENT_FIELDS} }
          }
        }
      `,
      'messageStatusChanged',
      { id, since: first.statusHistory[0]!.cursor },
    );
    subscribers.push(live as LiveSubscriber<unknown>);
    // Another participant read it; Meta knows this one by BSUID only.
    await post(
      statusesBody([
        {
          id,
          status: 'read',
          timestamp: String(T + 30),
          recipient_id: GROUP_ID,
          recipient_type: 'group',
          recipient_participant_user_id: 'BR.88830192837465019',
        },
      ]),
    );
    const event = await live.waitFor((received) => received.status === 'READ');
    expect(event.message).toMatchObject({
      groupId: GROUP_ID,
      recipientParticipantId: null,
      recipientParticipantUserId: 'BR.88830192837465019',
      recipientParticipantParentUserId: null,
    });
    expect(await messageOf(id)).toMatchObject(event.message);
  });
});
