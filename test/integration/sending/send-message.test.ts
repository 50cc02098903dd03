import { useTestGateway } from '../../support/use-test-gateway';

const SEND = /* GraphQL */ `
  mutation Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        phoneNumberId
        recipient
        waId
        recipientUserId
        type
        status
        statusHistory {
          status
          cursor
        }
      }
      error {
        httpStatus
        code
        subcode
        type
        title
        message
        details
        fbtraceId
        diagnosis {
          cause
          verdict
          retryable
        }
      }
    }
  }
`;

const ORDINARY = '+12025550100';
const scenario = (lastTwo: string): string => `+120255501${lastTwo}`;

interface SendResult {
  sendMessage: {
    message: {
      id: string;
      phoneNumberId: string;
      recipient: string | null;
      waId: string | null;
      recipientUserId: string | null;
      type: string;
      status: string;
    } | null;
    error: {
      httpStatus: number | null;
      code: number;
      subcode: number | null;
      details: string | null;
      fbtraceId: string | null;
      diagnosis: { cause: string; verdict: string; retryable: boolean };
    } | null;
  };
}

describe('sendMessage against the simulator over HTTP', () => {
  const gateway = useTestGateway(() => ({ UPSTREAM_TIMEOUT_MS: '500' }));
  const send = (input: Record<string, unknown>) => gateway.graphql<SendResult>(SEND, { input });

  it.each([
    ['text', { text: { body: 'Your order has shipped', previewUrl: true } }],
    [
      'template',
      {
        template: {
          name: 'order_update',
          languageCode: 'en_US',
          components: [{ type: 'body', parameters: [{ type: 'text', text: '42' }] }],
        },
      },
    ],
    ['image', { image: { link: 'https://example.com/a.jpg', caption: 'Receipt' } }],
    ['document', { document: { id: '1234567890', filename: 'invoice.pdf', caption: 'Invoice' } }],
    ['audio', { audio: { id: '1234567891' } }],
    ['video', { video: { link: 'https://example.com/v.mp4' } }],
    ['sticker', { sticker: { id: '1234567892' } }],
    [
      'interactive',
      {
        interactive: {
          type: 'button',
          body: { text: 'Pick one' },
          action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
        },
      },
    ],
    ['reaction', { reaction: { messageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2', emoji: '👍' } }],
  ])('sends %s and records the message', async (kind, content) => {
    const { status, body } = await send({ to: ORDINARY, ...content });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const message = body.data!.sendMessage.message!;
    expect(message).toMatchObject({
      recipient: ORDINARY,
      waId: '12025550100',
      type: kind,
      status: 'ACCEPTED',
    });
    expect(message.id).toMatch(/^wamid\./);
    expect(body.data!.sendMessage.error).toBeNull();

    const read = await gateway.graphql<{ message: { id: string; type: string } | null }>(
      'query ($id: ID!) { message(id: $id) { id type } }',
      { id: message.id },
    );
    expect(read.body.data!.message).toEqual({ id: message.id, type: kind });
  });

  it('sends a reply with context', async () => {
    const { body } = await send({
      to: ORDINARY,
      replyTo: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2',
      text: { body: 'Yes' },
    });
    expect(body.data!.sendMessage.message!.status).toBe('ACCEPTED');
  });

  it.each([
    ['10', 400, 100, null, 'INVALID_REQUEST'],
    ['11', 401, 190, 463, 'ACCESS_TOKEN'],
    ['12', 400, 131026, null, 'RECIPIENT_UNREACHABLE'],
    ['13', 400, 130472, null, 'EXPERIMENT_GROUP'],
    ['14', 400, 131049, null, 'MARKETING_LIMIT'],
    ['15', 400, 131047, null, 'REENGAGEMENT_WINDOW'],
    ['16', 403, 130497, null, 'SANCTIONED_REGION'],
    ['17', 503, 2, null, 'SERVICE_DOWNTIME'],
    ['18', 400, 131056, null, 'RATE_LIMITED'],
    ['19', 404, 132001, null, 'TEMPLATE'],
  ])(
    'scenario %s: Meta refuses with HTTP %i code %i in the payload',
    async (lastTwo, httpStatus, code, subcode, cause) => {
      const { status, body } = await send({ to: scenario(lastTwo), text: { body: 'Hello' } });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const { message, error } = body.data!.sendMessage;
      expect(message).toBeNull();
      expect(error).toMatchObject({ httpStatus, code, subcode });
      expect(error!.fbtraceId).toEqual(expect.any(String));
      expect(error!.diagnosis.cause).toBe(cause);
      if (code === 100) expect(error!.details).toContain('Param to');
    },
  );

  it('retries a transient 500 and sends once it passes', async () => {
    const { body } = await send({ to: scenario('20'), text: { body: 'Hello' } });
    expect(body.data!.sendMessage.message!.status).toBe('ACCEPTED');
    expect(gateway.simulator!.sendCount(scenario('20'))).toBe(2);
  });

  it('answers UPSTREAM_TIMEOUT when the Cloud API hangs', async () => {
    const { body } = await send({ to: scenario('21'), text: { body: 'Hello' } });
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions!.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('records a held template as HELD', async () => {
    const { body } = await send({ to: scenario('22'), template: { name: 'promo', languageCode: 'en_US' } });
    expect(body.data!.sendMessage.message!.status).toBe('HELD');
  });

  it('refuses a recipient in a sanctioned country before calling the API', async () => {
    const before = gateway.simulator!.stats.sendsAccepted;
    const calls = gateway.simulator!.sendCount('+5352123456');
    const { body } = await send({ to: '+5352123456', text: { body: 'Hola' } });
    const { message, error } = body.data!.sendMessage;
    expect(message).toBeNull();
    expect(error).toMatchObject({
      code: 130497,
      httpStatus: null,
      diagnosis: { cause: 'SANCTIONED_REGION', verdict: 'FAILED' },
    });
    expect(gateway.simulator!.sendCount('+5352123456')).toBe(calls);
    expect(gateway.simulator!.stats.sendsAccepted).toBe(before);
  });

  it.each([
    [{ to: '12', text: { body: 'x' } }, 'input.to'],
    [{ to: ORDINARY, text: { body: '   ' } }, 'input.text.body'],
    [{ to: ORDINARY, text: { body: 'x'.repeat(4097) } }, 'input.text.body'],
    [{ to: ORDINARY, text: { body: 'x' }, image: { link: 'https://example.com/a.jpg' } }, 'input'],
    [{ to: ORDINARY }, 'input'],
    [{ to: ORDINARY, image: { link: 'https://example.com/a.jpg', id: '1' } }, 'input.image'],
    [{ to: ORDINARY, audio: { id: '1', caption: 'no' } }, 'input.audio.caption'],
    [{ to: ORDINARY, replyTo: 'not-a-wamid', text: { body: 'x' } }, 'input.replyTo'],
    [{ to: ORDINARY, template: { name: 'promo', languageCode: 'english' } }, 'input.template.languageCode'],
  ])('refuses bad input %j naming %s', async (input, field) => {
    const { body } = await send(input);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors![0]!.message).toContain(field === 'input' ? 'content field' : field);
  });

  it('counts text in characters as Meta does: 4,096 emoji (8,192 UTF-16 units) are sent', async () => {
    const { body } = await send({ to: ORDINARY, text: { body: '📦'.repeat(4096) } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.sendMessage.message).toMatchObject({ recipient: ORDINARY, status: 'ACCEPTED' });
  });

  it('refuses 4,097 emoji as longer than 4,096 characters', async () => {
    const { body } = await send({ to: ORDINARY, text: { body: '📦'.repeat(4097) } });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text.body' });
    expect(body.errors![0]!.message).toBe('input.text.body is longer than 4096 characters.');
  });

  it.each([
    ['+1202555010', 'is too short for its country'],
    ['+1 202 555 01000', 'is too long for its country'],
    ['+886912345678901', 'is too long for its country'],
  ])('refuses %s, which no number of its country can be, before any upstream call', async (to, problem) => {
    const calls = gateway.simulator!.stats.sendsReceived;
    const { body } = await send({ to, text: { body: 'Hello' } });
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(body.errors![0]!.message).toContain(problem);
    expect(gateway.simulator!.stats.sendsReceived).toBe(calls);
  });

  it('sends to a business-scoped user id: Meta gets `recipient`, the message keeps the BSUID and no number', async () => {
    const bsuid = 'US.13491208655302741918';
    const before = gateway.simulator!.sendCount(bsuid);
    const { body } = await send({ to: bsuid, text: { body: 'Hello' } });
    expect(body.errors).toBeUndefined();
    const message = body.data!.sendMessage.message!;
    expect(message).toMatchObject({
      recipient: null,
      waId: null,
      recipientUserId: bsuid,
      type: 'text',
      status: 'ACCEPTED',
    });
    expect(message.id).toMatch(/^wamid\./);
    expect(gateway.simulator!.sendCount(bsuid)).toBe(before + 1);
    const read = await gateway.graphql<{ message: { id: string; recipientUserId: string | null } }>(
      'query ($id: ID!) { message(id: $id) { id recipientUserId } }',
      { id: message.id },
    );
    expect(read.body.data!.message).toEqual({ id: message.id, recipientUserId: bsuid });
    const listed = await gateway.graphql<{ messages: { edges: Array<{ node: { id: string } }> } }>(
      'query ($to: String!) { messages(filter: { recipient: $to }, first: 5) { edges { node { id } } } }',
      { to: bsuid },
    );
    expect(listed.body.data!.messages.edges.map((edge) => edge.node.id)).toEqual([message.id]);
  });
});
