import { CallEventKind } from '../../../src/calls';
import { parseWebhookPayload, type WebhookPayload } from '../../../src/webhooks';
import {
  bodyOf,
  BUSINESS_DISPLAY_NUMBER,
  businessCallConnect,
  CALL_ERROR_12455,
  callsBody,
  callStatus,
  completedTerminate,
  type Customer,
  echoesBody,
  editEcho,
  failedTerminate,
  imageEcho,
  locationEcho,
  revokeEcho,
  textEcho,
  userCallConnect,
} from './coexistence-and-calls.fixtures';
import { type Json, PHONE_NUMBER_ID } from './meta-payload.fixtures';

const CUSTOMER = {
  waId: '5491155550142',
  userId: 'AR.8802000000000142',
  parentUserId: 'AR.ENT.8802000000000001',
  name: 'Marta Quiroga',
} satisfies Customer;
const T = 1_761_200_000;

/** A body every part of which is readable, with nothing ignored. */
function parsed(body: Json): WebhookPayload {
  const payload = parseWebhookPayload(body);
  const unreadable = payload.unreadable.map((part) => `${part.path}: ${part.reason}`);
  if (unreadable.length > 0) throw new Error(`expected every part readable, got: ${unreadable.join('; ')}`);
  expect(payload.notices).toEqual([]);
  return payload;
}

describe('smb_message_echoes: messages the business sent from the WhatsApp Business app', () => {
  it('reads a text echo as an outbound message to `to`, never as inbound or an account event', () => {
    const echo = textEcho(CUSTOMER, 'wamid.ECHO.text', T, 'Hola Marta, tu pedido está listo');
    const payload = parsed(echoesBody(CUSTOMER, [echo]));
    expect(payload.echoes).toEqual([
      {
        id: 'wamid.ECHO.text',
        phoneNumberId: PHONE_NUMBER_ID,
        recipient: '+5491155550142',
        waId: '5491155550142',
        recipientUserId: 'AR.8802000000000142',
        recipientParentUserId: 'AR.ENT.8802000000000001',
        type: 'text',
        timestamp: T * 1000,
        text: 'Hola Marta, tu pedido está listo',
        rawJson: JSON.stringify(echo),
      },
    ]);
    expect(payload.inbound).toEqual([]);
    expect(payload.statuses).toEqual([]);
    expect(payload.accountChanges).toEqual([]);
    // The customer is seen (name, BSUID), but an echo is not the customer writing: no inbound time.
    expect(payload.contacts).toEqual([
      {
        waId: '5491155550142',
        userId: 'AR.8802000000000142',
        parentUserId: 'AR.ENT.8802000000000001',
        profileName: 'Marta Quiroga',
      },
    ]);
  });

  it('keeps media and other content whole, with a caption as the text', () => {
    const image = imageEcho(CUSTOMER, 'wamid.ECHO.image', T + 1);
    const location = locationEcho(CUSTOMER, 'wamid.ECHO.location', T + 2);
    const { echoes } = parsed(echoesBody(CUSTOMER, [image, location]));
    expect(echoes.map(({ id, type, text }) => ({ id, type, text }))).toEqual([
      { id: 'wamid.ECHO.image', type: 'image', text: 'Your parcel, ready at the counter' },
      { id: 'wamid.ECHO.location', type: 'location', text: undefined },
    ]);
    expect(echoes[1]).not.toHaveProperty('text');
    expect(JSON.parse(echoes[0]!.rawJson)).toEqual(image);
    expect(JSON.parse(echoes[1]!.rawJson)).toEqual(location);
  });

  it('reads an edit and a revoke in Meta’s shape (customer in `from`) with the message they change', () => {
    const customer = { waId: CUSTOMER.waId };
    const payload = parsed(
      echoesBody(customer, [
        editEcho(customer, 'wamid.ECHO.edit', 'wamid.ECHO.text', T + 10),
        revokeEcho(customer, 'wamid.ECHO.revoke', 'wamid.ECHO.image', T + 11),
      ]),
    );
    expect(payload.echoes.map(({ rawJson: _raw, ...echo }) => echo)).toEqual([
      {
        id: 'wamid.ECHO.edit',
        phoneNumberId: PHONE_NUMBER_ID,
        recipient: '+5491155550142',
        waId: '5491155550142',
        type: 'edit',
        timestamp: (T + 10) * 1000,
        text: 'Open until 19:00 today, not 18:00',
        originalMessageId: 'wamid.ECHO.text',
      },
      {
        id: 'wamid.ECHO.revoke',
        phoneNumberId: PHONE_NUMBER_ID,
        recipient: '+5491155550142',
        waId: '5491155550142',
        type: 'revoke',
        timestamp: (T + 11) * 1000,
        originalMessageId: 'wamid.ECHO.image',
      },
    ]);
  });

  it('names a customer known by BSUID only', () => {
    const customer = { userId: 'AR.8802000000000777' };
    const { echoes } = parsed(echoesBody(customer, [textEcho(customer, 'wamid.ECHO.bsuid', T, 'Hi')]));
    expect(echoes[0]).toMatchObject({ recipientUserId: 'AR.8802000000000777' });
    expect(echoes[0]).not.toHaveProperty('recipient');
    expect(echoes[0]).not.toHaveProperty('waId');
  });

  it('sets aside an echo it cannot read, and one that names only the business, keeping the others', () => {
    const broken = { to: CUSTOMER.waId, timestamp: String(T), type: 'text', text: { body: 'no id' } };
    const onlyBusiness = {
      from: BUSINESS_DISPLAY_NUMBER,
      to: BUSINESS_DISPLAY_NUMBER,
      id: 'wamid.ECHO.self',
      timestamp: String(T),
      type: 'text',
      text: { body: 'to myself' },
    };
    const good = textEcho(CUSTOMER, 'wamid.ECHO.good', T, 'kept');
    const payload = parseWebhookPayload(echoesBody(CUSTOMER, [broken, onlyBusiness, good]));
    expect(payload.echoes.map((echo) => echo.id)).toEqual(['wamid.ECHO.good']);
    expect(payload.unreadable).toEqual([
      expect.objectContaining({
        path: 'entry[0].changes[0].value.message_echoes[0]',
        field: 'smb_message_echoes',
        phoneNumberId: PHONE_NUMBER_ID,
        reason: expect.stringContaining('id'),
        raw: broken,
      }),
      expect.objectContaining({
        path: 'entry[0].changes[0].value.message_echoes[1]',
        reason: 'names no customer: to and from are the business',
        raw: onlyBusiness,
      }),
    ]);
  });

  it('sets aside an echoes change without metadata whole', () => {
    const value = { messaging_product: 'whatsapp', message_echoes: [] };
    const payload = parseWebhookPayload(bodyOf('smb_message_echoes', value));
    expect(payload.unreadable).toEqual([
      expect.objectContaining({ path: 'entry[0].changes[0].value', field: 'smb_message_echoes', raw: value }),
    ]);
    expect(payload.accountChanges).toEqual([]);
  });
});

describe('calls: call events of the customer', () => {
  it('reads a customer’s call connecting, keeping Meta’s words and the session in raw', () => {
    const call = userCallConnect(CUSTOMER, 'wacid.HBgNNTQ5MTE1NTU1MDE0MhUCABEYIDE', T);
    const payload = parsed(callsBody(CUSTOMER, { calls: [call] }));
    expect(payload.calls).toBe(1);
    expect(payload.callEvents).toEqual([
      {
        id: `wacid.HBgNNTQ5MTE1NTU1MDE0MhUCABEYIDE|CONNECT|connect|${T * 1000}`,
        callId: 'wacid.HBgNNTQ5MTE1NTU1MDE0MhUCABEYIDE',
        phoneNumberId: PHONE_NUMBER_ID,
        customer: { waId: '5491155550142' },
        kind: CallEventKind.CONNECT,
        event: 'connect',
        direction: 'USER_INITIATED',
        timestamp: T * 1000,
        errors: [],
        raw: call,
      },
    ]);
    expect(payload.accountChanges).toEqual([]);
    expect(payload.statuses).toEqual([]);
    expect(payload.inbound).toEqual([]);
    expect(payload.contacts).toEqual([
      expect.objectContaining({ waId: '5491155550142', userId: 'AR.8802000000000142' }),
    ]);
  });

  it('reads a business-initiated call: its statuses (not message statuses) and its completed end', () => {
    const callId = 'wacid.HBgNNTQ5MTE1NTU1MDE0MhUCABEYIDI';
    const payload = parsed(
      callsBody(CUSTOMER, {
        calls: [businessCallConnect(CUSTOMER, callId, T + 5)],
        statuses: [
          callStatus(CUSTOMER, callId, 'RINGING', T + 1),
          callStatus(CUSTOMER, callId, 'ACCEPTED', T + 4),
        ],
      }),
    );
    expect(payload.statuses).toEqual([]);
    expect(
      payload.callEvents.map(({ kind, status, direction, customer, bizOpaqueCallbackData }) => ({
        kind,
        status,
        direction,
        customer,
        bizOpaqueCallbackData,
      })),
    ).toEqual([
      {
        kind: CallEventKind.CONNECT,
        status: undefined,
        direction: 'BUSINESS_INITIATED',
        customer: { waId: '5491155550142' },
        bizOpaqueCallbackData: undefined,
      },
      {
        kind: CallEventKind.STATUS,
        status: 'RINGING',
        direction: undefined,
        customer: { waId: '5491155550142' },
        bizOpaqueCallbackData: 'ticket-8841',
      },
      {
        kind: CallEventKind.STATUS,
        status: 'ACCEPTED',
        direction: undefined,
        customer: { waId: '5491155550142' },
        bizOpaqueCallbackData: 'ticket-8841',
      },
    ]);

    const ended = parsed(callsBody(CUSTOMER, { calls: [completedTerminate(CUSTOMER, callId, T + 5, 95)] }));
    expect(ended.callEvents).toEqual([
      expect.objectContaining({
        id: `${callId}|TERMINATE|COMPLETED|${(T + 100) * 1000}`,
        kind: CallEventKind.TERMINATE,
        event: 'terminate',
        status: 'COMPLETED',
        startedAt: (T + 5) * 1000,
        endedAt: (T + 100) * 1000,
        durationSeconds: 95,
        errors: [],
      }),
    ]);
  });

  it('gives a failed call the errors of its change (12455), and keeps errors of a change without calls', () => {
    const failed = failedTerminate(CUSTOMER, 'wacid.failed', T + 30);
    const payload = parsed(callsBody(CUSTOMER, { calls: [failed], errors: [CALL_ERROR_12455] }));
    expect(payload.callEvents).toEqual([
      expect.objectContaining({
        kind: CallEventKind.TERMINATE,
        status: 'FAILED',
        errors: [
          {
            code: 12455,
            title: 'Call failed',
            message: 'Call failed',
            details: 'The call could not be connected.',
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      }),
    ]);
    expect(payload.callEvents[0]).not.toHaveProperty('startedAt');
    expect(payload.callEvents[0]).not.toHaveProperty('durationSeconds');
    expect(payload.accountErrors).toEqual([]);

    const alone = parsed(callsBody(CUSTOMER, { errors: [CALL_ERROR_12455] }));
    expect(alone.callEvents).toEqual([]);
    expect(alone.accountErrors).toEqual([
      expect.objectContaining({
        code: 12455,
        phoneNumberId: PHONE_NUMBER_ID,
        path: 'entry[0].changes[0].value.errors[0]',
      }),
    ]);
  });

  it('tells the customer by the business number when Meta’s `from`/`to` disagree with the direction', () => {
    // Meta's own example of a business-initiated connect names the business in `to`.
    const call = {
      id: 'wacid.swapped',
      to: BUSINESS_DISPLAY_NUMBER,
      from: '5491155550143',
      event: 'connect',
      timestamp: String(T),
      direction: 'BUSINESS_INITIATED',
    };
    const { callEvents } = parsed(callsBody({ waId: '5491155550143' }, { calls: [call] }));
    expect(callEvents[0]?.customer).toEqual({ waId: '5491155550143' });
  });

  it('keeps an unknown event word and a broken time, and sets aside a call it cannot read', () => {
    const odd = {
      id: 'wacid.odd',
      from: CUSTOMER.waId,
      to: BUSINESS_DISPLAY_NUMBER,
      event: 'transfer',
      timestamp: String(T),
      direction: 'USER_INITIATED',
      start_time: 'yesterday',
    };
    const broken = { from: CUSTOMER.waId, event: 'connect', timestamp: String(T) };
    const payload = parseWebhookPayload(callsBody(CUSTOMER, { calls: [odd, broken] }));
    expect(payload.callEvents).toEqual([
      expect.objectContaining({ kind: CallEventKind.UNKNOWN, event: 'transfer', raw: odd }),
    ]);
    expect(payload.callEvents[0]).not.toHaveProperty('startedAt');
    expect(payload.unreadable).toEqual([
      expect.objectContaining({ path: 'entry[0].changes[0].value.calls[1]', field: 'calls', raw: broken }),
    ]);
  });
});
