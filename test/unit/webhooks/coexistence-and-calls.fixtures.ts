/*
 * Bodies of the `smb_message_echoes` and `calls` webhook fields, in Meta's shapes (the business's messages
 * sent from the WhatsApp Business app on a coexistence number, and WhatsApp calls), with values of our own.
 */
import { change, type Json, notification, PHONE_NUMBER_ID } from './meta-payload.fixtures';

/** The business number's display form, as `metadata.display_phone_number` carries it. */
export const BUSINESS_DISPLAY_NUMBER = '15550783881';

export interface Customer {
  waId?: string;
  userId?: string;
  parentUserId?: string;
  name?: string;
}

/** `contacts[]` of a change: who the customer is, as Meta shows them. */
export function contactOf(customer: Customer): Json {
  const contact: Record<string, Json> = { profile: { name: customer.name ?? 'Marta Quiroga' } };
  if (customer.waId !== undefined) contact['wa_id'] = customer.waId;
  if (customer.userId !== undefined) contact['user_id'] = customer.userId;
  if (customer.parentUserId !== undefined) contact['parent_user_id'] = customer.parentUserId;
  return contact;
}

function metadata(phoneNumberId: string): Json {
  return { display_phone_number: BUSINESS_DISPLAY_NUMBER, phone_number_id: phoneNumberId };
}

/** One change in one entry of a WhatsApp Business Account notification. */
export function bodyOf(field: string, value: Json): Json {
  return notification([[change(value, field)]]);
}

/** A text the business sent from the app, as Meta echoes it: `from` the business, `to` the customer. */
export function textEcho(customer: Customer, id: string, timestamp: number, body: string): Json {
  const echo: Record<string, Json> = {
    from: BUSINESS_DISPLAY_NUMBER,
    id,
    timestamp: String(timestamp),
    type: 'text',
    text: { body },
  };
  if (customer.waId !== undefined) echo['to'] = customer.waId;
  if (customer.userId !== undefined) echo['to_user_id'] = customer.userId;
  if (customer.parentUserId !== undefined) echo['to_parent_user_id'] = customer.parentUserId;
  return echo;
}

/** The `value` of an `smb_message_echoes` change. */
export function echoesValue(
  customer: Customer,
  echoes: Json[],
  phoneNumberId: string = PHONE_NUMBER_ID,
): Json {
  return {
    messaging_product: 'whatsapp',
    metadata: metadata(phoneNumberId),
    contacts: [contactOf(customer)],
    message_echoes: echoes,
  };
}

export function echoesBody(customer: Customer, echoes: Json[], phoneNumberId?: string): Json {
  return bodyOf('smb_message_echoes', echoesValue(customer, echoes, phoneNumberId));
}

/** A photo with a caption sent from the app. */
export function imageEcho(customer: Customer, id: string, timestamp: number): Json {
  return {
    from: BUSINESS_DISPLAY_NUMBER,
    to: customer.waId ?? null,
    id,
    timestamp: String(timestamp),
    type: 'image',
    image: {
      caption: 'Your parcel, ready at the counter',
      mime_type: 'image/jpeg',
      sha256: 'Kq3Yf0uQeXn4wz1J9p2c8Q==',
      id: '2202877463581004',
    },
  };
}

/**
 * An edit made in the app, in the shape of Meta's example, which names the customer in `from` and the
 * business's number in `to`.
 */
export function editEcho(customer: Customer, id: string, original: string, timestamp: number): Json {
  return {
    from: customer.waId ?? null,
    to: BUSINESS_DISPLAY_NUMBER,
    id,
    timestamp: String(timestamp),
    type: 'edit',
    edit: {
      original_message_id: original,
      message: { type: 'text', text: { body: 'Open until 19:00 today, not 18:00' } },
    },
  };
}

/** A message deleted in the app, in the shape of Meta's example (customer in `from`). */
export function revokeEcho(customer: Customer, id: string, original: string, timestamp: number): Json {
  return {
    from: customer.waId ?? null,
    to: BUSINESS_DISPLAY_NUMBER,
    id,
    timestamp: String(timestamp),
    type: 'revoke',
    revoke: { original_message_id: original },
  };
}

/** A location shared from the app: a type the gateway keeps whole in `raw` only. */
export function locationEcho(customer: Customer, id: string, timestamp: number): Json {
  return {
    from: BUSINESS_DISPLAY_NUMBER,
    to: customer.waId ?? null,
    id,
    timestamp: String(timestamp),
    type: 'location',
    location: {
      latitude: -34.603722,
      longitude: -58.381592,
      name: 'Mostrador Centro',
      address: 'Av. Corrientes 1234',
    },
  };
}

/** The `value` of a `calls` change. */
export function callsValue(
  customer: Customer,
  parts: { calls?: Json[]; statuses?: Json[]; errors?: Json[] },
  phoneNumberId: string = PHONE_NUMBER_ID,
): Json {
  const value: Record<string, Json> = {
    messaging_product: 'whatsapp',
    metadata: metadata(phoneNumberId),
    contacts: [contactOf(customer)],
  };
  if (parts.calls) value['calls'] = parts.calls;
  if (parts.statuses) value['statuses'] = parts.statuses;
  if (parts.errors) value['errors'] = parts.errors;
  return value;
}

export function callsBody(
  customer: Customer,
  parts: { calls?: Json[]; statuses?: Json[]; errors?: Json[] },
  phoneNumberId?: string,
): Json {
  return bodyOf('calls', callsValue(customer, parts, phoneNumberId));
}

/** A customer calls the business: `connect` with the caller's SDP offer. */
export function userCallConnect(customer: Customer, callId: string, timestamp: number): Json {
  return {
    id: callId,
    from: customer.waId ?? null,
    to: BUSINESS_DISPLAY_NUMBER,
    event: 'connect',
    timestamp: String(timestamp),
    direction: 'USER_INITIATED',
    session: { sdp_type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n' },
  };
}

/** The business calls the customer: `connect` with the callee's SDP answer. */
export function businessCallConnect(customer: Customer, callId: string, timestamp: number): Json {
  return {
    id: callId,
    from: BUSINESS_DISPLAY_NUMBER,
    to: customer.waId ?? null,
    event: 'connect',
    timestamp: String(timestamp),
    direction: 'BUSINESS_INITIATED',
    session: { sdp_type: 'answer', sdp: 'v=0\r\no=- 2890844526 2890842807 IN IP4 127.0.0.1\r\ns=-\r\n' },
  };
}

/** A status of a business-initiated call (`RINGING`, `ACCEPTED`, `REJECTED`), in `statuses[]`. */
export function callStatus(customer: Customer, callId: string, status: string, timestamp: number): Json {
  return {
    id: callId,
    timestamp: String(timestamp),
    type: 'call',
    status,
    recipient_id: customer.waId ?? null,
    biz_opaque_callback_data: 'ticket-8841',
  };
}

/** A call ended after it was answered. */
export function completedTerminate(customer: Customer, callId: string, start: number, seconds: number): Json {
  return {
    id: callId,
    from: BUSINESS_DISPLAY_NUMBER,
    to: customer.waId ?? null,
    event: 'terminate',
    direction: 'BUSINESS_INITIATED',
    biz_opaque_callback_data: 'ticket-8841',
    timestamp: String(start + seconds),
    status: 'COMPLETED',
    start_time: String(start),
    end_time: String(start + seconds),
    duration: seconds,
  };
}

/** A call that never connected, ended: `FAILED`, without start, end or duration. */
export function failedTerminate(customer: Customer, callId: string, timestamp: number): Json {
  return {
    id: callId,
    from: customer.waId ?? null,
    to: BUSINESS_DISPLAY_NUMBER,
    event: 'terminate',
    direction: 'USER_INITIATED',
    timestamp: String(timestamp),
    status: 'FAILED',
  };
}

/** An error beside a terminated call at `value.errors[]`, with the code of Meta's example (12455). */
export const CALL_ERROR_12455: Json = {
  code: 12455,
  title: 'Call failed',
  message: 'Call failed',
  error_data: { details: 'The call could not be connected.' },
  href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
};
