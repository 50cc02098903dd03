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
