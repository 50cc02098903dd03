import { useTestGateway } from '../../support/use-test-gateway';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { SimulatorMediaId } from '../../../src/simulator';
import { startTestGateway, waitFor } from '../../support/gateway-harness';

const READER = 'media-reader-key-7f3a';
const SENDER = 'media-sender-key-19c2';
const KEYS = { authorization: `Bearer ${READER}` };

const CONVERSATION = /* GraphQL */ `
  query ($contact: String!) {
    conversation(contact: $contact, first: 10) {
      nodes {
        __typename
        ... on Message {
          id
          status
        }
        ... on InboundMessage {
          id
          type
          text
          replyTo
          reply {
            id
            title
          }
          media {
            id
            mimeType
            url
          }
        }
      }
    }
  }
`;

interface ConversationNode {
  __typename: string;
  id: string;
  [field: string]: unknown;
}

describe('inbound media and customers who write back, through the embedded simulator', () => {
  const gateway = useTestGateway(() => ({
    GATEWAY_API_KEYS: `${READER}:read+send+subscribe,${SENDER}:send`,
    UPSTREAM_TIMEOUT_MS: '800',
    MEDIA_MAX_BYTES: String(4 * 1024 * 1024),
  }));
  const media = (id: string, headers: Record<string, string> = KEYS) =>
    request(`${gateway.url}/media/${id}`, { headers });

  const conversation = async (contact: string): Promise<ConversationNode[]> => {
    const { body } = await gateway.graphql<{ conversation: { nodes: ConversationNode[] } }>(
      CONVERSATION,
      { contact },
      KEYS,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.conversation.nodes;
  };

  const send = async (to: string): Promise<string> => {
    const { body } = await gateway.graphql<{ sendMessage: { message: { id: string } } }>(
      'mutation ($to: String!) { sendMessage(input: { to: $to, text: { body: "Your order shipped" } }) { message { id } } }',
      { to },
      KEYS,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.sendMessage.message.id;
  };

  it('streams a medium with its type and length to a key with read, and nothing secret', async () => {
    const response = await media(SimulatorMediaId.IMAGE);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const bytes = Buffer.from(await response.body.arrayBuffer());
    expect(Number(response.headers['content-length'])).toBe(bytes.length);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const raw = JSON.stringify(response.headers) + gateway.logs.join('');
    expect(raw).not.toMatch(/whatsapp_business\/attachments|Bearer SIM|mid=/);
  });

  it('answers 401 without a key, 403 without read, 404 for an unknown id', async () => {
    expect((await media(SimulatorMediaId.IMAGE, {})).statusCode).toBe(401);
    expect((await media(SimulatorMediaId.IMAGE, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    const forbidden = await media(SimulatorMediaId.IMAGE, { authorization: `Bearer ${SENDER}` });
    expect(forbidden.statusCode).toBe(403);
    expect(await forbidden.body.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const unknown = await media('123456789');
    expect(unknown.statusCode).toBe(404);
    expect(await unknown.body.json()).toMatchObject({
      error: { code: 'NOT_FOUND', requestId: expect.any(String) },
    });
    expect((await media('not-digits')).statusCode).toBe(404);
  });

  it('refuses a medium over MEDIA_MAX_BYTES with 502, and a hanging download with 504', async () => {
    const large = await media(SimulatorMediaId.LARGE_VIDEO);
    expect(large.statusCode).toBe(502);
    expect(await large.body.json()).toMatchObject({
      error: { message: expect.stringContaining('MEDIA_MAX_BYTES') },
    });
    const hanging = await media(SimulatorMediaId.HANGING);
    expect(hanging.statusCode).toBe(504);
    expect(await hanging.body.json()).toMatchObject({ error: { code: 'UPSTREAM_TIMEOUT' } });
  });

  it('shows a customer’s photo sent back after reading (scenario 44), fetchable through its url', async () => {
    const sent = await send('+12025550144');
    const nodes = await waitFor(async () => {
      const found = await conversation('+12025550144');
      return found.some((node) => node.__typename === 'InboundMessage') ? found : undefined;
    });
    const photo = nodes.find((node) => node.__typename === 'InboundMessage')!;
    expect(photo).toMatchObject({
      type: 'IMAGE',
      text: 'This is what arrived',
      replyTo: sent,
      media: { id: SimulatorMediaId.IMAGE, mimeType: 'image/png', url: `/media/${SimulatorMediaId.IMAGE}` },
    });
    const file = await request(`${gateway.url}${(photo['media'] as { url: string }).url}`, { headers: KEYS });
    expect(file.statusCode).toBe(200);
    const bytes = Buffer.from(await file.body.arrayBuffer());
    const served = await request(`${gateway.url}/media/${SimulatorMediaId.IMAGE}`, { headers: KEYS });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256')
        .update(Buffer.from(await served.body.arrayBuffer()))
        .digest('hex'),
    );
  });

  it('shows a quick reply (45) and a STOP that also opts the customer out of marketing (46)', async () => {
    await send('+12025550145');
    const button = await waitFor(async () =>
      (await conversation('+12025550145')).find((node) => node.__typename === 'InboundMessage'),
    );
    expect(button).toMatchObject({ type: 'BUTTON', reply: { id: 'TRACK_ORDER', title: 'Track my order' } });

    await send('+12025550146');
    const optedOut = await waitFor(async () => {
      const { body } = await gateway.graphql<{ contact: { marketingOptOut: boolean } | null }>(
        '{ contact(id: "+12025550146") { marketingOptOut } }',
        {},
        KEYS,
      );
      return body.data?.contact?.marketingOptOut === true ? true : undefined;
    });
    expect(optedOut).toBe(true);
    expect(
      (await conversation('+12025550146')).find((node) => node.__typename === 'InboundMessage'),
    ).toMatchObject({
      type: 'TEXT',
      text: 'STOP',
    });
  });

  it('lets anyone make a simulated customer write, over HTTP and with npm run simulator:inbound', async () => {
    const answer = await request(`${gateway.url}/simulator/inbound-messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+12025550170', profileName: 'Lin', text: 'Is the shop open today?' }),
    });
    expect(answer.statusCode).toBe(200);
    const { messages } = (await answer.body.json()) as { messages: Array<{ id: string }> };
    await waitFor(async () =>
      (await conversation('+12025550170')).some((node) => node.id === messages[0]!.id),
    );

    const refused = await request(`${gateway.url}/simulator/inbound-messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'nobody' }),
    });
    expect(refused.statusCode).toBe(400);
    expect(await refused.body.json()).toMatchObject({
      error: expect.stringContaining('from, fromUserId or both'),
    });

    const script = join(__dirname, '../../../dist/simulator/cli/inbound.js');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      script,
      'US.100012025550171',
      '--button',
      'YES:Yes please',
      '--url',
      gateway.url,
    ]);
    const id = (JSON.parse(stdout) as { messages: Array<{ id: string }> }).messages[0]!.id;
    const nodes = await waitFor(async () => {
      const found = await conversation('US.100012025550171');
      return found.some((node) => node.id === id) ? found : undefined;
    });
    expect(nodes.find((node) => node.id === id)).toMatchObject({
      type: 'BUTTON',
      reply: { id: 'YES', title: 'Yes please' },
    });
  });
});

describe('the simulator control endpoint in real mode', () => {
  it('is not served when the gateway talks to a real Graph API', async () => {
    const gateway = await startTestGateway({
      WHATSAPP_ACCESS_TOKEN: 'EAAG-real-mode-token-for-this-test',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_APP_SECRET: 'real-mode-app-secret',
      WHATSAPP_VERIFY_TOKEN: 'real-mode-verify-token',
      GATEWAY_API_KEYS: 'real-mode-reader-key-0001:read',
      GRAPH_API_BASE_URL: 'http://127.0.0.1:9',
    });
    try {
      const answer = await request(`${gateway.url}/simulator/inbound-messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+12025550170', text: 'hi' }),
      });
      expect(answer.statusCode).toBe(404);
      await answer.body.dump();
    } finally {
      await gateway.close();
    }
  });
});
