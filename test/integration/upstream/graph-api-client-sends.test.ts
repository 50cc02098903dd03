import { createSilentLogger } from '../../../src/observability';
import { GraphApiClient, InvalidUpstreamArgumentError, type SendMessageRequest } from '../../../src/upstream';
import { FakeGraphServer, sendJson } from './fake-graph-server';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAGsendTestToken0001';
const WAMID = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2RjA0NTc4RTI1MDMzNEEA';

const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234' } as const;

const sends: Array<[string, SendMessageRequest]> = [
  ['text', { ...base, type: 'text', text: { body: 'Your order has shipped', preview_url: false } }],
  [
    'template',
    {
      ...base,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '42' }] }],
      },
    },
  ],
  ['image by link', { ...base, type: 'image', image: { link: 'https://example.com/a.png', caption: 'A' } }],
  ['video by id', { ...base, type: 'video', video: { id: '1234567890', caption: 'V' } }],
  ['audio', { ...base, type: 'audio', audio: { id: '555' } }],
  ['sticker', { ...base, type: 'sticker', sticker: { link: 'https://example.com/s.webp' } }],
  [
    'document',
    {
      ...base,
      type: 'document',
      document: { link: 'https://example.com/i.pdf', caption: 'Invoice', filename: 'invoice.pdf' },
    },
  ],
  [
    'interactive',
    {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick one' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    },
  ],
  ['reaction', { ...base, type: 'reaction', reaction: { message_id: WAMID, emoji: '👍' } }],
  ['reply', { ...base, type: 'text', text: { body: 'Re: ✓ café' }, context: { message_id: WAMID } }],
];

describe('GraphApiClient.sendMessage against a local Graph API', () => {
  let server: FakeGraphServer;
  let client: GraphApiClient;

  beforeAll(async () => {
    server = await FakeGraphServer.start((request, response) => {
      const sent = JSON.parse(request.body) as { to: string; type: string };
      sendJson(response, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: sent.to, wa_id: '16505551234' }],
        messages: [{ id: WAMID, ...(sent.type === 'template' ? { message_status: 'accepted' } : {}) }],
      });
    });
    client = new GraphApiClient({
      baseUrl: server.baseUrl,
      apiVersion: 'v23.0',
      accessToken: TOKEN,
      logger: createSilentLogger(),
    });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it.each(sends)('sends %s with the right JSON and the Bearer header', async (_kind, body) => {
    const before = server.requests.length;
    const answer = await client.sendMessage(PHONE_NUMBER_ID, body);

    expect(server.requests).toHaveLength(before + 1);
    const received = server.requests[before]!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe(`/v23.0/${PHONE_NUMBER_ID}/messages`);
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.body)).toEqual(body);
    expect(answer).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
      messages: [{ id: WAMID, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }],
    });
  });

  it.each(['', '123/../456', '12 34', '1065403522%2F', 'abc', '../debug_token'])(
    'refuses the phone number id %p before sending anything',
    async (id) => {
      const before = server.requests.length;
      await expect(client.sendMessage(id, sends[0]![1])).rejects.toBeInstanceOf(InvalidUpstreamArgumentError);
      expect(server.requests).toHaveLength(before);
    },
  );

  it('keeps a path prefix of the base URL', async () => {
    const prefixed = new GraphApiClient({
      baseUrl: `${server.baseUrl}/graph/`,
      apiVersion: 'v22.0',
      accessToken: TOKEN,
      logger: createSilentLogger(),
    });
    try {
      await prefixed.sendMessage(PHONE_NUMBER_ID, sends[0]![1]);
      expect(server.requests.at(-1)!.url).toBe(`/graph/v22.0/${PHONE_NUMBER_ID}/messages`);
    } finally {
      await prefixed.close();
    }
  });
});
