import { type ConversationInfo, type MessageStatus, type PricingInfo, type StatusUpdate } from '../messages';
import { type EpochMillis } from '../store-kit';
import { readCallsValue } from './call-reader';
import { readEchoesValue } from './echo-reader';
import { readInboundContent } from './inbound-message-reader';
import { object, withoutUndefined } from './json-fields';
import { itemPlace, PayloadReader } from './payload-reader';
import {
  accountNotificationSchema,
  changeSchema,
  conversationSchema,
  entrySchema,
  envelopeSchema,
  inboundMessageSchema,
  messagesValueSchema,
  pricingSchema,
  statusSchema,
  type StatusPayload,
  userPreferenceSchema,
  userPreferencesValueSchema,
} from './webhook-payload.schema';
import {
  type AccountChange,
  CALLS_FIELD,
  type InboundMessage,
  MARKETING_OPT_OUT_BY_CHOICE,
  MARKETING_PREFERENCE,
  MESSAGES_FIELD,
  type PartPlace,
  SMB_MESSAGE_ECHOES_FIELD,
  USER_PREFERENCES_FIELD,
  WEBHOOK_STATUSES,
  WHATSAPP_BUSINESS_ACCOUNT_OBJECT,
  type WebhookPayload,
} from './webhook-payload.types';

/**
 * Turns an already signature-checked, JSON-parsed notification into typed updates. Nothing is refused:
 * each part (entry, change, status, message, contact, error) is read on its own, everything readable is
 * returned, and a part that cannot be read is returned whole in `unreadable` (a body that is JSON but no
 * notification is one such part). An `object` other than `whatsapp_business_account`, unknown `field`s,
 * unknown status words and extra properties are acknowledged and reported as notices.
 *
 * This module walks the notification (entries, changes) and reads the `messages` field; the calls and
 * echoes fields are read by `call-reader.ts` and `echo-reader.ts`, what every reader shares is in
 * `payload-reader.ts`.
 */
export function parseWebhookPayload(body: unknown): WebhookPayload {
  const reader = new PayloadReader();
  readNotification(reader, body);
  return reader.finish();
}

function readNotification(reader: PayloadReader, body: unknown): void {
  const envelope = reader.read(envelopeSchema, body, { path: '' });
  if (envelope === null) return;
  if (envelope.object !== WHATSAPP_BUSINESS_ACCOUNT_OBJECT) {
    return reader.notice({ kind: 'unknown-object', object: envelope.object });
  }
  const notification = reader.readObject(accountNotificationSchema, body, { path: '' });
  notification?.entry.forEach((entry, e) => readEntry(reader, entry, `entry[${e}]`));
}

function readEntry(reader: PayloadReader, raw: unknown, path: string): void {
  const entry = reader.readObject(entrySchema, raw, { path });
  if (entry === null) return;
  const { id: businessAccountId, time } = entry;
  entry.changes.forEach((change, c) => {
    const place = withoutUndefined<PartPlace>({ path: `${path}.changes[${c}]`, businessAccountId });
    readChange(reader, change, place, time);
  });
}

/** One change, read according to its `field`; a field other than these three is an account change. */
function readChange(
  reader: PayloadReader,
  raw: unknown,
  place: PartPlace,
  time: EpochMillis | undefined,
): void {
  const change = reader.readObject(changeSchema, raw, place);
  if (change === null) return;
  const { field, value } = change;
  const valuePlace: PartPlace = { ...place, field, path: `${place.path}.value` };
  switch (field) {
    case MESSAGES_FIELD:
      return readMessagesValue(reader, value, valuePlace);
    case CALLS_FIELD:
      reader.payload.calls += 1;
      return readCallsValue(reader, value, valuePlace);
    case SMB_MESSAGE_ECHOES_FIELD:
      return readEchoesValue(reader, value, valuePlace);
    default: {
      const { path, businessAccountId } = place;
      reader.payload.accountChanges.push(
        withoutUndefined<AccountChange>({ field, value, path, businessAccountId, time }),
      );
      if (field === USER_PREFERENCES_FIELD) readUserPreferences(reader, value, valuePlace);
    }
  }
}

/** The value of a `messages` change: contacts, statuses, customers' messages, and errors of the account. */
function readMessagesValue(reader: PayloadReader, raw: unknown, place: PartPlace): void {
  const value = reader.readObject(messagesValueSchema, raw, place);
  if (value === null) return;
  const phoneNumberId = value.metadata.phone_number_id;
  const at = itemPlace(place, phoneNumberId);
  reader.readContactList(value.contacts ?? [], at);
  (value.statuses ?? []).forEach((status, i) =>
    readStatus(reader, status, at(`statuses[${i}]`), phoneNumberId),
  );
  (value.messages ?? []).forEach((message, i) =>
    readInboundMessage(reader, message, at(`messages[${i}]`), phoneNumberId),
  );
  for (const { error, path } of reader.readPlacedErrors(value.errors, { ...place, phoneNumberId })) {
    reader.payload.accountErrors.push({ ...error, phoneNumberId, path });
  }
}

/** A status of a message the business sent; one whose word the gateway does not know is only reported. */
function readStatus(reader: PayloadReader, raw: unknown, place: PartPlace, phoneNumberId: string): void {
  const status = reader.readObject(statusSchema, raw, place);
  if (status === null) return;
  const known = WEBHOOK_STATUSES.get(status.status.toLowerCase());
  if (known === undefined) {
    reader.payload.unknownStatuses += 1;
    reader.notice({ kind: 'unknown-status', path: place.path, messageId: status.id, status: status.status });
    return;
  }
  const update = statusUpdateOf(reader, status, known, phoneNumberId, place);
  reader.payload.statuses.push(update);
  if (update.recipientType !== 'group') {
    reader.sighted({
      waId: update.recipientId,
      userId: update.recipientUserId,
      parentUserId: update.recipientParentUserId,
    });
  }
}

function statusUpdateOf(
  reader: PayloadReader,
  status: StatusPayload,
  known: MessageStatus,
  phoneNumberId: string,
  place: PartPlace,
): StatusUpdate {
  // Meta's pages spell the parent BSUID three ways; a bare `parent_user_id` on a group status can only
  // be the participant's (the group has none).
  const isGroup = status.recipient_type === 'group';
  const update: StatusUpdate = withoutUndefined({
    messageId: status.id,
    status: known,
    timestamp: status.timestamp,
    recipientId: status.recipient_id,
    recipientUserId: status.recipient_user_id,
    recipientParentUserId:
      status.recipient_parent_user_id ??
      status.parent_recipient_user_id ??
      (isGroup ? undefined : status.parent_user_id),
    recipientType: status.recipient_type,
    recipientParticipantId: status.recipient_participant_id ?? status.participant_recipient_id,
    recipientParticipantUserId: status.recipient_participant_user_id,
    recipientParticipantParentUserId:
      status.recipient_participant_parent_user_id ?? (isGroup ? status.parent_user_id : undefined),
    phoneNumberId,
    errors: reader.readErrors(status.errors, place),
  });
  // A broken conversation or pricing is set aside alone; the status is kept without it.
  if (status.conversation !== undefined) {
    const path = `${place.path}.conversation`;
    const conversation = reader.readObject(conversationSchema, status.conversation, { ...place, path });
    if (conversation) {
      update.conversation = withoutUndefined<ConversationInfo>({
        id: conversation.id,
        expiresAt: conversation.expiration_timestamp,
        originType: conversation.origin?.type,
      });
    }
  }
  if (status.pricing !== undefined) {
    const pricing = reader.readObject(pricingSchema, status.pricing, {
      ...place,
      path: `${place.path}.pricing`,
    });
    if (pricing) {
      update.pricing = withoutUndefined<PricingInfo>({
        billable: pricing.billable,
        pricingModel: pricing.pricing_model,
        category: pricing.category,
        type: pricing.type,
      });
    }
  }
  return update;
}

/** A customer's message: an inbound message (its content read by `readInboundContent`) and a sighting. */
function readInboundMessage(
  reader: PayloadReader,
  raw: unknown,
  place: PartPlace,
  phoneNumberId: string,
): void {
  const message = reader.read(inboundMessageSchema, raw, place);
  if (message === null) return;
  const head = withoutUndefined({
    id: message.id,
    waId: message.from,
    userId: message.from_user_id,
    phoneNumberId,
    timestamp: message.timestamp,
  });
  const errors = reader.readErrors(message.errors, place);
  reader.payload.inbound.push(
    withoutUndefined<InboundMessage>({
      messageId: head.id,
      waId: head.waId,
      userId: head.userId,
      phoneNumberId,
      timestamp: head.timestamp,
      // `raw` is the message as Meta sent it, not as parsed (timestamps stay Meta's seconds).
      content: readInboundContent(object(raw), head, errors),
    }),
  );
  reader.sighted({
    waId: message.from,
    userId: message.from_user_id,
    parentUserId: message.from_parent_user_id,
    inboundAt: message.timestamp,
  });
}

/**
 * A customer's marketing preference: the reason behind many 131050 failures, kept on the contact. The
 * change itself is an account event either way; what cannot be read here is set aside like any part.
 */
function readUserPreferences(reader: PayloadReader, raw: unknown, place: PartPlace): void {
  const value = reader.read(userPreferencesValueSchema, raw, place);
  value?.user_preferences.forEach((rawPreference, i) => {
    const path = `${place.path}.user_preferences[${i}]`;
    const preference = reader.read(userPreferenceSchema, rawPreference, { ...place, path });
    if (preference === null) return;
    const { wa_id: waId, user_id: userId, category, value: choice, timestamp } = preference;
    if (category !== undefined && category !== MARKETING_PREFERENCE) return;
    const marketingOptOut = MARKETING_OPT_OUT_BY_CHOICE.get(choice.toLowerCase());
    if (marketingOptOut === undefined) return;
    reader.sighted({ waId, userId, marketingOptOut, marketingPreferenceAt: timestamp });
  });
}
