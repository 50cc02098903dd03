/**
 * A customer edits and deletes messages, completes a Flow and answers a call permission request: signed
 * webhooks over HTTP, read back as the conversation and live over GraphQL, on both stores.
 */
import { type Json } from '../../unit/webhooks/meta-payload.fixtures';
import {
  callPermissionItem,
  customerBody,
  editItem,
  flowReplyItem,
  type ItemHead,
  revokeItem,
  textItem,
} from '../../unit/webhooks/message-change.fixtures';
import { LiveSubscriber } from '../live/support/live-subscriber';
import { eachStore, redisDatabaseUrl, useWebhookGateway } from '../live/support/live-gateway';
import { postSignedJson } from '../live/support/live-webhooks';

const REDIS_URL = redisDatabaseUrl(14);
const T = 1_761_200_000;

const CONVERSATION = /* GraphQL */ `
  query Conversation($contact: String!) {
    conversation(contact: $contact, first: 20) {
      nodes {
        __typename
        ... on InboundMessage {
          id
          type
          timestamp
          text
          changes
          editedAt
          revokedAt
          media {
            id
            caption
            url
          }
          flowReply {
            name
            body
            response
            flowToken
          }
          callPermissionReply {
            response
            rawResponse
            expiresAt
            source
            isPermanent
          }
        }
      }
    }
  }
`;

const MESSAGE_RECEIVED = /* GraphQL */ `
  subscription Received($contact: String) {
    messageReceived(contact: $contact) {
      cursor
      message {
        id
        type
        text
        changes
        editedAt
        revokedAt
      }
    }
  }
`;

interface Item {
  __typename: string;
  id: string;
  [field: string]: unknown;
}

interface ReceivedEvent {
  cursor: string;
  message: { id: string; type: string; text: string | null; changes: string | null };
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

describe.each(eachStore(REDIS_URL))('a customer’s edits, deletions and answers on %s', (_name, env) => {
  const gateway = useWebhookGateway(env);
  const subscribers: Array<LiveSubscriber<unknown>> = [];
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  });

  const post = async (customer: string, items: Json[]): Promise<void> => {
    expect(await postSignedJson(gateway().url, customerBody(customer, items))).toEqual({
      status: 200,
      body: 'OK',
    });
  };

  const conversation = async (customer: string): Promise<Item[]> => {
    const { body } = await gateway().graphql<{ conversation: { nodes: Item[] } }>(CONVERSATION, {
      contact: `+${customer}`,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.conversation.nodes;
  };

  const head = (customer: string, id: string, seconds: number): ItemHead => ({
    id,
    timestamp: seconds,
    from: customer,
  });

  it('shows an edited photo with its new caption and a deleted text as deleted, beside the changes', async () => {
    const customer = '16505554101';
    const photo = {
      from: customer,
      id: 'wamid.chg.photo',
      timestamp: String(T),
      type: 'image',
      image: {
        caption: 'The box arrived open',
        mime_type: 'image/jpeg',
        sha256: 'b3BlbmJveA==',
        id: '1452093876214101',
      },
    };
    await post(customer, [photo, textItem(head(customer, 'wamid.chg.text', T + 30), 'Call me at 555-0100')]);
    const captionEdit = editItem(head(customer, 'wamid.chg.photo.edit', T + 60), 'wamid.chg.photo', {
      type: 'image',
      image: {
        caption: 'The box arrived open and wet',
        mime_type: 'image/jpeg',
        sha256: 'b3BlbmJveA==',
        id: '1452093876214101',
      },
    });
    await post(customer, [captionEdit]);
    await post(customer, [captionEdit]); // Meta's redelivery
    await post(customer, [revokeItem(head(customer, 'wamid.chg.text.revoke', T + 90), 'wamid.chg.text')]);

    const items = await conversation(customer);
    expect(items.map((item) => [item.id, item.type])).toEqual([
      ['wamid.chg.text.revoke', 'REVOKE'],
      ['wamid.chg.photo.edit', 'EDIT'],
      ['wamid.chg.text', 'TEXT'],
      ['wamid.chg.photo', 'IMAGE'],
    ]);
    const [revoke, edit, text, original] = items;
    const media = {
      id: '1452093876214101',
      caption: 'The box arrived open and wet',
      url: '/media/1452093876214101',
    };
    expect(original).toMatchObject({
      text: 'The box arrived open and wet',
      media,
      editedAt: iso(T + 60),
      revokedAt: null,
      changes: null,
    });
    expect(text).toMatchObject({ text: 'Call me at 555-0100', revokedAt: iso(T + 90), editedAt: null });
    expect(edit).toMatchObject({
      changes: 'wamid.chg.photo',
      text: 'The box arrived open and wet',
      media,
      editedAt: null,
    });
    expect(revoke).toMatchObject({ changes: 'wamid.chg.text', text: null, media: null });
  });

  it('keeps and shows the edit of a message it never received, and applies one that came first', async () => {
    const customer = '16505554102';
    await post(customer, [
      editItem(head(customer, 'wamid.chg.orphan.edit', T + 10), 'wamid.chg.never-seen', {
        type: 'text',
        text: { body: 'I meant Tuesday' },
      }),
      // Meta delivered this edit before the message it edits.
      editItem(head(customer, 'wamid.chg.late.edit', T + 50), 'wamid.chg.late', {
        type: 'text',
        text: { body: 'Size M, please' },
      }),
    ]);
    await post(customer, [textItem(head(customer, 'wamid.chg.late', T + 20), 'Size S, please')]);
    const items = await conversation(customer);
    expect(items.map((item) => [item.id, item.type, item.text, item.changes, item.editedAt])).toEqual([
      ['wamid.chg.late.edit', 'EDIT', 'Size M, please', 'wamid.chg.late', null],
      ['wamid.chg.late', 'TEXT', 'Size M, please', null, iso(T + 50)],
      ['wamid.chg.orphan.edit', 'EDIT', 'I meant Tuesday', 'wamid.chg.never-seen', null],
    ]);
  });

  it('delivers edits and deletions live like any message', async () => {
    const customer = '16505554103';
    const live = new LiveSubscriber<ReceivedEvent>(gateway().url, MESSAGE_RECEIVED, 'messageReceived', {
      contact: `+${customer}`,
    });
    subscribers.push(live as LiveSubscriber<unknown>);
    let probes = 0;
    await live.untilLive(() =>
      post(customer, [textItem(head(customer, `wamid.chg.probe.${(probes += 1)}`, T), 'probe')]),
    );
    await post(customer, [textItem(head(customer, 'wamid.chg.live', T + 100), 'See you at 5')]);
    await post(customer, [
      editItem(head(customer, 'wamid.chg.live.edit', T + 110), 'wamid.chg.live', {
        type: 'text',
        text: { body: 'See you at 6' },
      }),
    ]);
    await post(customer, [revokeItem(head(customer, 'wamid.chg.live.revoke', T + 120), 'wamid.chg.live')]);
    await live.waitFor((event) => event.message.id === 'wamid.chg.live.revoke');
    // A probe still in flight when the subscription went live may arrive after it.
    const delivered = live.events.filter((event) => !event.message.id.startsWith('wamid.chg.probe.'));
    expect(delivered.map((event) => event.message)).toEqual([
      {
        id: 'wamid.chg.live',
        type: 'TEXT',
        text: 'See you at 5',
        changes: null,
        editedAt: null,
        revokedAt: null,
      },
      {
        id: 'wamid.chg.live.edit',
        type: 'EDIT',
        text: 'See you at 6',
        changes: 'wamid.chg.live',
        editedAt: null,
        revokedAt: null,
      },
      {
        id: 'wamid.chg.live.revoke',
        type: 'REVOKE',
        text: null,
        changes: 'wamid.chg.live',
        editedAt: null,
        revokedAt: null,
      },
    ]);
  });

  it('types a completed Flow’s answers and a call permission reply', async () => {
    const customer = '16505554104';
    const answers = { flow_token: 'FT.survey.4104', delivery_rating: '5', topics: ['speed', 'price'] };
    await post(customer, [
      flowReplyItem(head(customer, 'wamid.chg.flow', T), JSON.stringify(answers), 'wamid.chg.flow.sent'),
      callPermissionItem(
        head(customer, 'wamid.chg.call', T + 5),
        { response: 'accept', expiration_timestamp: T + 604_800, response_source: 'user_action' },
        'wamid.chg.call.asked',
      ),
      callPermissionItem(
        head(customer, 'wamid.chg.call.2', T + 6),
        { response: 'later', is_permanent: false, response_source: 'user_action' },
        'wamid.chg.call.asked',
      ),
    ]);
    const byId = new Map((await conversation(customer)).map((item) => [item.id, item]));
    expect(byId.get('wamid.chg.flow')).toMatchObject({
      type: 'INTERACTIVE',
      text: 'Sent',
      flowReply: { name: 'flow', body: 'Sent', response: answers, flowToken: 'FT.survey.4104' },
      callPermissionReply: null,
    });
    expect(byId.get('wamid.chg.call')).toMatchObject({
      flowReply: null,
      callPermissionReply: {
        response: 'ACCEPT',
        rawResponse: 'accept',
        expiresAt: iso(T + 604_800),
        source: 'user_action',
        isPermanent: null,
      },
    });
    expect(byId.get('wamid.chg.call.2')!['callPermissionReply']).toEqual({
      response: 'UNKNOWN',
      rawResponse: 'later',
      expiresAt: null,
      source: 'user_action',
      isPermanent: false,
    });
  });
});
