import {
  InvalidSendInputError,
  characterCount,
  isWamid,
  parseRecipient,
  parseSendCommand,
  type SendMessageFields,
} from '../../../src/sending';

const SENDER = '106540352242922';
const CALLER = 'k0123456789abcdef';
const text = (to: string, body = 'Hello', extra: Partial<SendMessageFields> = {}): SendMessageFields => ({
  to,
  text: { body },
  ...extra,
});

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidSendInputError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('parseSendCommand', () => {
  it("builds Meta's body for a number: `to` in digits, the recipient in E.164", () => {
    const command = parseSendCommand(
      text('+1 (202) 555-0100', 'Hi', { replyTo: 'wamid.HBgLMTIw' }),
      SENDER,
      CALLER,
    );
    expect(command).toEqual({
      recipient: { kind: 'phone', e164: '+12025550100', digits: '12025550100' },
      phoneNumberId: SENDER,
      kind: 'text',
      idempotencyKey: null,
      callerId: CALLER,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '12025550100',
        type: 'text',
        text: { body: 'Hi', preview_url: false },
        context: { message_id: 'wamid.HBgLMTIw' },
      },
    });
  });

  it.each(['US.13491208655302741918', 'US.ENT.11815799212886844830'])(
    'names a business-scoped user id %s in `recipient`, with no `to`',
    (bsuid) => {
      const command = parseSendCommand(text(bsuid), SENDER, CALLER);
      expect(command.recipient).toEqual({ kind: 'user', userId: bsuid });
      expect(command.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: bsuid,
        type: 'text',
        text: { body: 'Hello', preview_url: false },
      });
      expect(command.body).not.toHaveProperty('to');
    },
  );

  it('counts text in characters (code points), not UTF-16 units', () => {
    expect(characterCount('📦'.repeat(4096))).toBe(4096);
    expect(characterCount('a\uD83D')).toBe(2);
    expect(parseSendCommand(text('+12025550100', '📦'.repeat(4096)), SENDER, CALLER).kind).toBe('text');
    expect(refusal(() => parseSendCommand(text('+12025550100', '📦'.repeat(4097)), SENDER, CALLER))).toEqual({
      field: 'input.text.body',
      message: 'input.text.body is longer than 4096 characters.',
    });
  });

  it('counts captions in characters too', () => {
    const image = (caption: string): SendMessageFields => ({
      to: '+12025550100',
      image: { link: 'https://example.com/a.jpg', caption },
    });
    expect(parseSendCommand(image('🙂'.repeat(1024)), SENDER, CALLER).kind).toBe('image');
    expect(refusal(() => parseSendCommand(image('🙂'.repeat(1025)), SENDER, CALLER)).field).toBe(
      'input.image.caption',
    );
  });

  it.each([
    ['+1202555010', 'input.to +1202555010 is too short for its country'],
    ['+120255501000', 'input.to +120255501000 is too long for its country'],
    ['+8869123', 'input.to +8869123 is too short for its country'],
  ])('refuses %s, which no number of its country can be', (to, message) => {
    const { field, message: said } = refusal(() => parseRecipient(to));
    expect(field).toBe('input.to');
    expect(said).toContain(message);
  });

  it.each(['12', 'not a number', 'us.1234', 'US.', 'US.ENT.', `US.${'1'.repeat(129)}`])(
    'refuses %j as neither a number nor a BSUID',
    (to) => {
      expect(refusal(() => parseRecipient(to)).message).toMatch(/E\.164 .* business-scoped user id/);
    },
  );

  it('keeps one wamid rule for replies, reactions and mark-as-read', () => {
    expect(isWamid('wamid.HBgLMTIwMjU1NTAxMDA=')).toBe(true);
    expect(isWamid('wamid.x')).toBe(false);
    expect(isWamid('HBgLMTIw')).toBe(false);
    expect(
      refusal(() => parseSendCommand(text('+12025550100', 'x', { replyTo: 'nope' }), SENDER, CALLER)).field,
    ).toBe('input.replyTo');
  });

  it.each([
    [{ idempotencyKey: '' }, 'input.idempotencyKey'],
    [{ idempotencyKey: 'k'.repeat(256) }, 'input.idempotencyKey'],
    [{ phoneNumberId: 'abc' }, 'input.phoneNumberId'],
  ])('refuses %j naming %s', (extra, field) => {
    expect(refusal(() => parseSendCommand(text('+12025550100', 'x', extra), SENDER, CALLER)).field).toBe(
      field,
    );
  });
});
