/*
 * Builders for Meta's webhook bodies, in the wire shapes of the Cloud API reference. Bodies are
 * serialised the way Meta sends them: non-ASCII characters (and `/`) escaped, so tests sign and send the
 * exact bytes a real delivery would carry.
 */

export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';
export const CUSTOMER = '16505551234';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface StatusFixture {
  id: string;
  status: string;
  /** Unix seconds. */
  timestamp: number;
  recipient?: string;
  conversation?: boolean;
  pricing?: boolean;
  errors?: Json[];
  extra?: Record<string, Json>;
}

export function statusItem(fixture: StatusFixture): Json {
  const item: Record<string, Json> = {
    id: fixture.id,
    status: fixture.status,
    timestamp: String(fixture.timestamp),
    recipient_id: fixture.recipient ?? CUSTOMER,
  };
  if (fixture.conversation) {
    item['conversation'] = {
      id: 'CONVERSATION_ID',
      expiration_timestamp: String(fixture.timestamp + 86_400),
      origin: { type: 'utility' },
    };
  }
  if (fixture.pricing) {
    item['pricing'] = { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' };
  }
  if (fixture.errors) item['errors'] = fixture.errors;
  return { ...item, ...fixture.extra };
}

/** Meta's error on a `failed` status: 131026, message undeliverable. */
export const UNDELIVERABLE_ERROR: Json = {
  code: 131026,
  title: 'Message undeliverable',
  message: 'Message undeliverable',
  error_data: { details: 'Message Undeliverable.' },
  href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
};

export interface ValueFixture {
  phoneNumberId?: string;
  statuses?: Json[];
  messages?: Json[];
  contacts?: Json[];
  errors?: Json[];
  extra?: Record<string, Json>;
}

export function messagesValue(fixture: ValueFixture): Json {
  const value: Record<string, Json> = {
    messaging_product: 'whatsapp',
    metadata: {
      display_phone_number: '15550783881',
      phone_number_id: fixture.phoneNumberId ?? PHONE_NUMBER_ID,
    },
  };
  if (fixture.contacts) value['contacts'] = fixture.contacts;
  if (fixture.messages) value['messages'] = fixture.messages;
  if (fixture.statuses) value['statuses'] = fixture.statuses;
  if (fixture.errors) value['errors'] = fixture.errors;
  return { ...value, ...fixture.extra };
}

export function change(value: Json, field = 'messages'): Json {
  return { value, field };
}

export function notification(changesPerEntry: Json[][], object = 'whatsapp_business_account'): Json {
  return { object, entry: changesPerEntry.map((changes) => ({ id: WABA_ID, changes })) };
}

/** A body of statuses for one message in one entry and change, in the order given. */
export function statusesBody(statuses: StatusFixture[]): Json {
  return notification([[change(messagesValue({ statuses: statuses.map(statusItem) }))]]);
}

/** An inbound text message from a customer, with its contact, as Meta sends it. */
export function inboundValue(from: string, id: string, timestamp: number, text: string): Json {
  return messagesValue({
    contacts: [{ profile: { name: 'Zoë Ångström' }, wa_id: from }],
    messages: [{ from, id, timestamp: String(timestamp), type: 'text', text: { body: text } }],
  });
}

/** Serialises like Meta: every non-ASCII UTF-16 unit as `\uXXXX` and `/` as `\/`. */
export function metaJson(value: Json): string {
  return JSON.stringify(value)
    .replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

export function metaBytes(value: Json): Buffer {
  return Buffer.from(metaJson(value), 'utf8');
}

/** The reference's delivered status, byte for byte as a delivery would carry it. */
export const REFERENCE_DELIVERED_BODY = metaBytes({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: WABA_ID,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
            statuses: [
              {
                id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2RjA0NTc4RTI1MDMzNEEA',
                status: 'delivered',
                timestamp: '1750263773',
                recipient_id: CUSTOMER,
                conversation: {
                  id: 'CONVERSATION_ID',
                  expiration_timestamp: '1750350173',
                  origin: { type: 'utility' },
                },
                pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
              },
            ],
          },
        },
      ],
    },
  ],
});

/**
 * One inbound message of each type, in the shapes of Meta's messages webhook reference (the part after
 * `from`, `id` and `timestamp`), with what the gateway is expected to make of it.
 */
export const INBOUND_SHAPES: ReadonlyArray<{
  type: string;
  fields: Record<string, Json>;
  expected: Record<string, Json>;
}> = [
  {
    type: 'TEXT',
    fields: { type: 'text', text: { body: 'Where is my order?' } },
    expected: { text: 'Where is my order?' },
  },
  {
    type: 'IMAGE',
    fields: {
      type: 'image',
      image: {
        caption: 'The box arrived open',
        mime_type: 'image/jpeg',
        sha256: 'q1w2e3',
        id: '1103924254632001',
      },
    },
    expected: {
      text: 'The box arrived open',
      media: {
        id: '1103924254632001',
        mimeType: 'image/jpeg',
        sha256: 'q1w2e3',
        caption: 'The box arrived open',
        filename: null,
        url: '/media/1103924254632001',
      },
    },
  },
  {
    type: 'AUDIO',
    fields: {
      type: 'audio',
      audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'a1', id: '1103924254632002', voice: true },
    },
    expected: {
      media: {
        id: '1103924254632002',
        mimeType: 'audio/ogg; codecs=opus',
        sha256: 'a1',
        caption: null,
        filename: null,
        url: '/media/1103924254632002',
      },
    },
  },
  {
    type: 'VIDEO',
    fields: { type: 'video', video: { mime_type: 'video/mp4', sha256: 'v1', id: '1103924254632003' } },
    expected: {
      media: {
        id: '1103924254632003',
        mimeType: 'video/mp4',
        sha256: 'v1',
        caption: null,
        filename: null,
        url: '/media/1103924254632003',
      },
    },
  },
  {
    type: 'DOCUMENT',
    fields: {
      type: 'document',
      document: {
        caption: 'Invoice',
        filename: 'invoice-42.pdf',
        mime_type: 'application/pdf',
        sha256: 'd1',
        id: '1103924254632004',
      },
    },
    expected: {
      text: 'Invoice',
      media: {
        id: '1103924254632004',
        mimeType: 'application/pdf',
        sha256: 'd1',
        caption: 'Invoice',
        filename: 'invoice-42.pdf',
        url: '/media/1103924254632004',
      },
    },
  },
  {
    type: 'STICKER',
    fields: {
      type: 'sticker',
      sticker: { mime_type: 'image/webp', sha256: 's1', id: '1103924254632005', animated: false },
    },
    expected: {
      media: {
        id: '1103924254632005',
        mimeType: 'image/webp',
        sha256: 's1',
        caption: null,
        filename: null,
        url: '/media/1103924254632005',
      },
    },
  },
  {
    type: 'LOCATION',
    fields: {
      type: 'location',
      location: { latitude: 25.033, longitude: 121.5654, name: 'Taipei 101', address: 'Xinyi Road' },
    },
    expected: {
      location: { latitude: 25.033, longitude: 121.5654, name: 'Taipei 101', address: 'Xinyi Road' },
    },
  },
  {
    type: 'CONTACTS',
    fields: {
      type: 'contacts',
      contacts: [
        {
          name: { formatted_name: 'Ana Silva', first_name: 'Ana' },
          phones: [{ phone: '+16505550000', type: 'CELL' }],
        },
      ],
    },
    expected: {},
  },
  {
    type: 'INTERACTIVE',
    fields: {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'track-order', title: 'Track my order' } },
    },
    expected: {
      text: 'Track my order',
      reply: { kind: 'button_reply', id: 'track-order', title: 'Track my order' },
    },
  },
  {
    type: 'INTERACTIVE',
    fields: {
      type: 'interactive',
      interactive: {
        type: 'list_reply',
        list_reply: { id: 'size-m', title: 'Medium', description: 'Fits 38–40' },
      },
    },
    expected: { text: 'Medium', reply: { kind: 'list_reply', id: 'size-m', title: 'Medium' } },
  },
  {
    type: 'BUTTON',
    fields: { type: 'button', button: { payload: 'STOP_PROMOS', text: 'Stop promotions' } },
    expected: {
      text: 'Stop promotions',
      reply: { kind: 'button', id: 'STOP_PROMOS', title: 'Stop promotions' },
    },
  },
  {
    type: 'REACTION',
    fields: {
      type: 'reaction',
      reaction: { message_id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', emoji: '👍' },
    },
    expected: {
      reaction: { messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', emoji: '👍' },
    },
  },
  {
    type: 'ORDER',
    fields: {
      type: 'order',
      order: {
        catalog_id: '1234',
        text: 'Two of these please',
        product_items: [{ product_retailer_id: 'sku-1', quantity: 2, item_price: 9.99, currency: 'USD' }],
      },
    },
    expected: { text: 'Two of these please' },
  },
  {
    type: 'SYSTEM',
    fields: {
      type: 'system',
      system: {
        body: 'User A changed from +1 650 555 1234 to +1 650 555 9999',
        new_wa_id: '16505559999',
        type: 'user_changed_number',
      },
    },
    expected: { text: 'User A changed from +1 650 555 1234 to +1 650 555 9999' },
  },
  {
    type: 'UNSUPPORTED',
    fields: {
      type: 'unsupported',
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    },
    expected: { errors: [{ code: 131051, title: 'Message type unknown' }] },
  },
];
