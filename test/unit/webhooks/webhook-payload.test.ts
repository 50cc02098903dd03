import { MessageStatus } from '../../../src/messages/message-status';
import {
  MAX_REPORTED_NOTICES,
  parseWebhookPayload,
  type UnreadablePart,
  type WebhookPayload,
} from '../../../src/webhooks';
import {
  change,
  CUSTOMER,
  inboundValue,
  type Json,
  messagesValue,
  notification,
  PHONE_NUMBER_ID,
  REFERENCE_DELIVERED_BODY,
  statusesBody,
  statusItem,
  UNDELIVERABLE_ERROR,
  WABA_ID,
} from './meta-payload.fixtures';

/** A body every part of which is readable. */
function parsed(body: unknown): WebhookPayload {
  const payload = parseWebhookPayload(body);
  const unreadable = payload.unreadable.map((part) => `${part.path}: ${part.reason}`);
  if (unreadable.length > 0) throw new Error(`expected every part readable, got: ${unreadable.join('; ')}`);
  return payload;
}

function unreadableParts(body: unknown): UnreadablePart[] {
  const { unreadable } = parseWebhookPayload(body);
  if (unreadable.length === 0) throw new Error('expected an unreadable part');
  return unreadable;
}

describe('parseWebhookPayload', () => {
  it("turns the reference's delivered status into one StatusUpdate (seconds → millis, conversation, pricing)", () => {
    const payload = parsed(JSON.parse(REFERENCE_DELIVERED_BODY.toString('utf8')));
    expect(payload).toEqual({
      statuses: [
        {
          messageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2RjA0NTc4RTI1MDMzNEEA',
          status: MessageStatus.DELIVERED,
          timestamp: 1_750_263_773_000,
          recipientId: CUSTOMER,
          phoneNumberId: PHONE_NUMBER_ID,
          errors: [],
          conversation: { id: 'CONVERSATION_ID', expiresAt: 1_750_350_173_000, originType: 'utility' },
          pricing: { billable: true, pricingModel: 'PMP', category: 'utility', type: 'regular' },
        },
      ],
      inbound: [],
      contacts: [{ waId: CUSTOMER }],
      accountErrors: [],
      accountChanges: [],
      calls: 0,
      echoes: [],
      callEvents: [],
      unreadable: [],
      unknownStatuses: 0,
      notices: [],
      omittedNotices: 0,
    });
  });

  it('reads every entry × change × status, in body order (case 9)', () => {
    const body = notification(
      [0, 1, 2].map((e) =>
        [0, 1].map((c) =>
          change(
            messagesValue({
              phoneNumberId: `pn-${e}`,
              statuses: Array.from({ length: 50 }, (_, s) =>
                statusItem({ id: `wamid.${e}.${c}.${s}`, status: 'sent', timestamp: 1_750_000_000 + s }),
              ),
            }),
          ),
        ),
      ),
    );
    const { statuses } = parsed(body);
    expect(statuses).toHaveLength(300);
    const expectedIds = [0, 1, 2].flatMap((e) =>
      [0, 1].flatMap((c) => Array.from({ length: 50 }, (_, s) => `wamid.${e}.${c}.${s}`)),
    );
    expect(statuses.map((s) => s.messageId)).toEqual(expectedIds);
    expect(statuses[299]).toMatchObject({ phoneNumberId: 'pn-2', timestamp: 1_750_000_049_000 });
  });

  it('maps each of Meta’s status words, in any case, to the status enum', () => {
    const words = [
      'sent',
      'delivered',
      'read',
      'played',
      'failed',
      'deleted',
      'warning',
      'Delivered',
      'READ',
    ];
    const { statuses } = parsed(
      statusesBody(words.map((status, i) => ({ id: `wamid.${i}`, status, timestamp: 1_750_000_000 }))),
    );
    expect(statuses.map((s) => s.status)).toEqual([
      MessageStatus.SENT,
      MessageStatus.DELIVERED,
      MessageStatus.READ,
      MessageStatus.PLAYED,
      MessageStatus.FAILED,
      MessageStatus.DELETED,
      MessageStatus.WARNING,
      MessageStatus.DELIVERED,
      MessageStatus.READ,
    ]);
  });

  it('carries the errors of a failed status, with error_data.details as details', () => {
    const { statuses } = parsed(
      statusesBody([
        { id: 'wamid.f', status: 'failed', timestamp: 1_750_000_100, errors: [UNDELIVERABLE_ERROR] },
      ]),
    );
    expect(statuses).toEqual([
      {
        messageId: 'wamid.f',
        status: MessageStatus.FAILED,
        timestamp: 1_750_000_100_000,
        recipientId: CUSTOMER,
        phoneNumberId: PHONE_NUMBER_ID,
        errors: [
          {
            code: 131026,
            title: 'Message undeliverable',
            message: 'Message undeliverable',
            details: 'Message Undeliverable.',
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      },
    ]);
  });

  it('keeps only the error fields Meta sent, and tolerates a numeric code sent as text', () => {
    const { statuses } = parsed(
      statusesBody([{ id: 'wamid.f', status: 'failed', timestamp: 1, errors: [{ code: '131047' }] }]),
    );
    expect(statuses[0]?.errors).toEqual([{ code: 131047 }]);
  });

  it('reads pricing without conversation (newer pricing) and a conversation without origin', () => {
    const body = notification([
      [
        change(
          messagesValue({
            statuses: [
              statusItem({ id: 'wamid.p', status: 'sent', timestamp: 10, pricing: true }),
              {
                ...(statusItem({ id: 'wamid.c', status: 'sent', timestamp: 10 }) as object),
                conversation: { id: 'c1' },
              },
            ],
          }),
        ),
      ],
    ]);
    const { statuses } = parsed(body);
    expect(statuses[0]).not.toHaveProperty('conversation');
    expect(statuses[0]?.pricing).toEqual({
      billable: true,
      pricingModel: 'PMP',
      category: 'utility',
      type: 'regular',
    });
    expect(statuses[1]?.conversation).toEqual({ id: 'c1' });
    expect(statuses[1]).not.toHaveProperty('pricing');
  });

  it('reads inbound customer messages (their time opens the 24-hour window)', () => {
    const body = notification([
      [change(inboundValue(CUSTOMER, 'wamid.in1', 1_750_001_000, 'Hi 😀'))],
      [change(inboundValue('447700900123', 'wamid.in2', 1_750_001_500, 'Hello'))],
    ]);
    const payload = parsed(body);
    expect(payload.inbound).toMatchObject([
      {
        messageId: 'wamid.in1',
        waId: CUSTOMER,
        phoneNumberId: PHONE_NUMBER_ID,
        timestamp: 1_750_001_000_000,
        content: {
          id: 'wamid.in1',
          from: { waId: CUSTOMER },
          type: 'TEXT',
          text: 'Hi 😀',
          timestamp: 1_750_001_000_000,
          raw: {
            from: CUSTOMER,
            id: 'wamid.in1',
            timestamp: '1750001000',
            type: 'text',
            text: { body: 'Hi 😀' },
          },
        },
      },
      {
        messageId: 'wamid.in2',
        waId: '447700900123',
        phoneNumberId: PHONE_NUMBER_ID,
        timestamp: 1_750_001_500_000,
      },
    ]);
    expect(payload.statuses).toEqual([]);
    expect(payload.notices).toEqual([]);
  });

  it('reports errors not tied to a message (value.errors)', () => {
    const body = notification([
      [change(messagesValue({ errors: [{ code: 131000, title: 'Something went wrong' }] }))],
    ]);
    expect(parsed(body).accountErrors).toEqual([
      {
        code: 131000,
        title: 'Something went wrong',
        phoneNumberId: PHONE_NUMBER_ID,
        path: 'entry[0].changes[0].value.errors[0]',
      },
    ]);
  });

  it('skips and reports an unknown status word, keeping the others', () => {
    const payload = parsed(
      statusesBody([
        { id: 'wamid.1', status: 'sent', timestamp: 1 },
        { id: 'wamid.2', status: 'teleported', timestamp: 2 },
        { id: 'wamid.3', status: 'read', timestamp: 3 },
      ]),
    );
    expect(payload.statuses.map((s) => s.messageId)).toEqual(['wamid.1', 'wamid.3']);
    expect(payload.unknownStatuses).toBe(1);
    expect(payload.notices).toEqual([
      {
        kind: 'unknown-status',
        path: 'entry[0].changes[0].value.statuses[1]',
        messageId: 'wamid.2',
        status: 'teleported',
      },
    ]);
  });

  it('acknowledges an unknown object with nothing to store (case 8)', () => {
    const payload = parsed({ object: 'instagram', entry: [{ id: '1', changes: [{ field: 'comments' }] }] });
    expect(payload.statuses).toEqual([]);
    expect(payload.notices).toEqual([{ kind: 'unknown-object', object: 'instagram' }]);
  });

  it('acknowledges an unknown object whatever its shape', () => {
    expect(parsed({ object: 'page', entry: 'not an array' }).notices).toEqual([
      { kind: 'unknown-object', object: 'page' },
    ]);
  });

  it('reads changes of other fields as account changes, and the messages changes beside them (case 8)', () => {
    const body = notification([
      [
        change({ event: 'APPROVED', message_template_id: 1 }, 'message_template_status_update'),
        change(messagesValue({ statuses: [statusItem({ id: 'wamid.k', status: 'sent', timestamp: 5 })] })),
        change(messagesValue({ extra: { calls: [] } }), 'calls'),
      ],
    ]);
    const payload = parsed(body);
    expect(payload.statuses.map((s) => s.messageId)).toEqual(['wamid.k']);
    expect(payload.accountChanges).toEqual([
      {
        field: 'message_template_status_update',
        value: { event: 'APPROVED', message_template_id: 1 },
        path: 'entry[0].changes[0]',
        businessAccountId: WABA_ID,
      },
    ]);
    expect(payload.calls).toBe(1);
    expect(payload.notices).toEqual([]);
  });

  it('ignores and reports extra properties at every level it reads (case 8)', () => {
    const body: Json = {
      object: 'whatsapp_business_account',
      newRoot: 1,
      entry: [
        {
          id: WABA_ID,
          newEntry: true,
          changes: [
            {
              field: 'messages',
              newChange: 'x',
              value: messagesValue({
                extra: { newValue: [] },
                statuses: [
                  statusItem({
                    id: 'wamid.x',
                    status: 'delivered',
                    timestamp: 7,
                    conversation: true,
                    pricing: true,
                    extra: { newStatus: { nested: 1 } },
                  }),
                ],
              }),
            },
          ],
        },
      ],
    };
    const payload = parsed(body);
    expect(payload.statuses).toHaveLength(1);
    expect(payload.statuses[0]).not.toHaveProperty('newStatus');
    expect(payload.notices).toEqual([
      { kind: 'extra-property', path: 'newRoot' },
      { kind: 'extra-property', path: 'entry[0].newEntry' },
      { kind: 'extra-property', path: 'entry[0].changes[0].newChange' },
      { kind: 'extra-property', path: 'entry[0].changes[0].value.newValue' },
      { kind: 'extra-property', path: 'entry[0].changes[0].value.statuses[0].newStatus' },
    ]);
  });

  it(`keeps at most ${MAX_REPORTED_NOTICES} notices and counts the rest`, () => {
    const extra = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`extra${i}`, i]));
    const payload = parsed({ object: 'whatsapp_business_account', entry: [], ...extra });
    expect(payload.notices).toHaveLength(MAX_REPORTED_NOTICES);
    expect(payload.omittedNotices).toBe(50);
  });

  it('accepts an account notification with no entries as nothing to store', () => {
    expect(parsed({ object: 'whatsapp_business_account', entry: [] }).statuses).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an array', []],
    ['null', null],
    ['a number', 42],
    ['a string', 'whatsapp_business_account'],
    ['an object without `object`', { entry: [] }],
    ['a non-string `object`', { object: 7, entry: [] }],
  ])('keeps %s whole as one unreadable part: not a notification', (_name, body) => {
    expect(unreadableParts(body)).toEqual([{ path: '', reason: expect.any(String), raw: body }]);
  });

  it.each<[string, unknown, string]>([
    ['no entry', { object: 'whatsapp_business_account' }, 'entry'],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }, 'entry'],
    [
      'an entry without changes',
      { object: 'whatsapp_business_account', entry: [{ id: WABA_ID }] },
      'entry[0].changes',
    ],
    [
      'a change without a field',
      { object: 'whatsapp_business_account', entry: [{ changes: [{ value: {} }] }] },
      'entry[0].changes[0].field',
    ],
    [
      'a messages value without metadata',
      notification([[change({ messaging_product: 'whatsapp', statuses: [] })]]),
      'entry[0].changes[0].value.metadata',
    ],
    [
      'a status without an id',
      notification([
        [change(messagesValue({ statuses: [{ status: 'sent', timestamp: '1', recipient_id: CUSTOMER }] }))],
      ]),
      'entry[0].changes[0].value.statuses[0].id',
    ],
    [
      'a timestamp that is not Unix seconds',
      notification([
        [
          change(
            messagesValue({
              statuses: [{ id: 'w', status: 'sent', timestamp: '2025-06-18', recipient_id: CUSTOMER }],
            }),
          ),
        ],
      ]),
      'entry[0].changes[0].value.statuses[0].timestamp',
    ],
    [
      'an error without a code',
      statusesBody([{ id: 'wamid.e', status: 'failed', timestamp: 1, errors: [{ title: 'x' }] }]),
      'entry[0].changes[0].value.statuses[0].errors[0].code',
    ],
    [
      'an inbound message without from',
      notification([
        [change(messagesValue({ messages: [{ id: 'wamid.i', timestamp: '1', type: 'text' }] }))],
      ]),
      'entry[0].changes[0].value.messages[0].from',
    ],
  ])('sets aside a whatsapp_business_account body with %s, naming where', (_name, body, path) => {
    // Each part is named by its path and the reason by the field in it that was wrong.
    const names = unreadableParts(body).map((part) => {
      const field = part.reason.slice(0, part.reason.indexOf(':'));
      return part.path === '' ? field : `${part.path}.${field}`;
    });
    expect(names).toContain(path);
  });

  it('keeps the readable statuses of a body in which one is broken, and sets the broken one aside', () => {
    const good = statusItem({ id: 'wamid.good', status: 'sent', timestamp: 1 });
    const body = notification([[change(messagesValue({ statuses: [good, { id: 'wamid.bad' }, good] }))]]);
    const payload = parseWebhookPayload(body);
    expect(payload.statuses.map((s) => s.messageId)).toEqual(['wamid.good', 'wamid.good']);
    expect(payload.unreadable).toEqual([
      expect.objectContaining({
        path: 'entry[0].changes[0].value.statuses[1]',
        field: 'messages',
        phoneNumberId: PHONE_NUMBER_ID,
        raw: { id: 'wamid.bad' },
      }),
    ]);
  });

  it('keeps a failed status whose error has no code, without that error', () => {
    const body = statusesBody([{ id: 'wamid.e', status: 'failed', timestamp: 1, errors: [{ title: 'x' }] }]);
    const payload = parseWebhookPayload(body);
    expect(payload.statuses).toEqual([expect.objectContaining({ messageId: 'wamid.e', errors: [] })]);
    expect(payload.unreadable.map((part) => part.path)).toEqual([
      'entry[0].changes[0].value.statuses[0].errors[0]',
    ]);
  });

  it('reads BSUIDs, usernames and groups (2026 shapes)', () => {
    const status = {
      id: 'wamid.u',
      status: 'delivered',
      timestamp: '1750000000',
      recipient_user_id: 'US.13491208655302741918',
      recipient_parent_user_id: 'US.ENT.11815799212886844830',
    };
    const group = {
      id: 'wamid.g',
      status: 'read',
      timestamp: '1750000000',
      recipient_id: 'GROUP_1',
      recipient_type: 'group',
      recipient_participant_id: CUSTOMER,
    };
    const payload = parsed(
      notification([
        [
          change(
            messagesValue({
              statuses: [status, group],
              contacts: [{ user_id: 'US.99', profile: { name: 'Lee', username: '@lee' } }],
              messages: [{ from_user_id: 'US.99', id: 'wamid.in', timestamp: '1750000001', type: 'text' }],
            }),
          ),
        ],
      ]),
    );
    expect(payload.statuses).toEqual([
      expect.objectContaining({
        messageId: 'wamid.u',
        recipientUserId: 'US.13491208655302741918',
        recipientParentUserId: 'US.ENT.11815799212886844830',
      }),
      expect.objectContaining({
        messageId: 'wamid.g',
        recipientId: 'GROUP_1',
        recipientType: 'group',
        recipientParticipantId: CUSTOMER,
      }),
    ]);
    expect(payload.statuses[0]).not.toHaveProperty('recipientId');
    expect(payload.inbound).toMatchObject([
      {
        messageId: 'wamid.in',
        userId: 'US.99',
        phoneNumberId: PHONE_NUMBER_ID,
        timestamp: 1_750_000_001_000,
        content: { from: { userId: 'US.99' } },
      },
    ]);
    expect(payload.inbound[0]).not.toHaveProperty('waId');
    // Contacts first (in body order), then what statuses and messages add: one sighting per customer.
    expect(payload.contacts).toEqual([
      { userId: 'US.99', profileName: 'Lee', username: '@lee', inboundAt: 1_750_000_001_000 },
      { userId: 'US.13491208655302741918', parentUserId: 'US.ENT.11815799212886844830' },
    ]);
  });
});
