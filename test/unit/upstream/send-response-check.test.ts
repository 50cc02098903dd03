import { sendMessageResponseSchema } from '../../../src/upstream/wire-schemas';

const good = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
  messages: [{ id: 'wamid.A', message_status: 'accepted' }],
};

describe('the send answer check', () => {
  it('accepts the documented answer and keeps fields Meta adds', () => {
    const extra = { ...good, messages: [{ id: 'wamid.A', added_later: 1 }], extra: true };
    expect(sendMessageResponseSchema.safeParse(good)).toEqual({ success: true, data: good });
    expect(sendMessageResponseSchema.safeParse(extra)).toEqual({ success: true, data: extra });
  });

  it('tolerates a missing contact echo as an empty list', () => {
    const { contacts: _omitted, ...noContacts } = good;
    expect(sendMessageResponseSchema.safeParse(noContacts)).toEqual({
      success: true,
      data: { ...noContacts, contacts: [] },
    });
  });

  it.each([
    ['not an object', 'ok'],
    ['null', null],
    ['an array', [good]],
    ['another product', { ...good, messaging_product: 'sms' }],
    ['no messages', { ...good, messages: undefined }],
    ['an empty message list', { ...good, messages: [] }],
    ['messages not a list', { ...good, messages: { id: 'wamid.A' } }],
    ['an empty message id', { ...good, messages: [{ id: '' }] }],
    ['a numeric message id', { ...good, messages: [{ id: 7 }] }],
    ['a message that is null', { ...good, messages: [null] }],
    ['a non-text message status', { ...good, messages: [{ id: 'wamid.A', message_status: 1 }] }],
    ['a null message status', { ...good, messages: [{ id: 'wamid.A', message_status: null }] }],
    ['contacts that are null', { ...good, contacts: null }],
    ['a contact whose wa_id is not text', { ...good, contacts: [{ input: '+1', wa_id: 1 }] }],
    ['a contact without input', { ...good, contacts: [{ wa_id: '1' }] }],
    ['a contact that is a list', { ...good, contacts: [['+1', '1']] }],
  ])('refuses %s', (_name, body) => {
    expect(sendMessageResponseSchema.safeParse(body).success).toBe(false);
  });
});
