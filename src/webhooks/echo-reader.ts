import { type NewEcho } from '../messages';
import { type Json, object, string, withoutUndefined } from './json-fields';
import { itemPlace, type PayloadReader } from './payload-reader';
import { echoesValueSchema, type MessageEchoPayload, messageEchoSchema } from './webhook-payload.schema';
import { type Party, type PartPlace } from './webhook-payload.types';

/** What an echo says, beyond who it went to: Meta's type word, the text a list shows, what it changes. */
export interface EchoContent {
  type: string;
  /** A text's body, a caption, or an edit's new text. */
  text?: string;
  /** For an `edit` or a `revoke`: the wamid of the message it changes. */
  originalMessageId?: string;
}

const CAPTIONED_TYPES = new Set(['image', 'video', 'document']);

/**
 * The value of an `smb_message_echoes` change: messages the business sent from the WhatsApp Business app.
 * Each is an outbound message of its customer (`to`), never an inbound one: it neither opens the service
 * window nor counts as the customer writing.
 */
export function readEchoesValue(reader: PayloadReader, raw: unknown, place: PartPlace): void {
  const value = reader.readObject(echoesValueSchema, raw, place);
  if (value === null) return;
  const { phone_number_id: phoneNumberId, display_phone_number: business } = value.metadata;
  const at = itemPlace(place, phoneNumberId);
  reader.readContactList(value.contacts ?? [], at);
  value.message_echoes.forEach((echo, i) => {
    const parsed = reader.read(messageEchoSchema, echo, at(`message_echoes[${i}]`));
    if (parsed === null) return;
    const recipient = echoRecipient(parsed, business);
    if (recipient === null) {
      return reader.setAside(
        at(`message_echoes[${i}]`),
        'names no customer: to and from are the business',
        echo,
      );
    }
    reader.payload.echoes.push(echoOf(parsed, object(echo), recipient, phoneNumberId));
    reader.sighted(recipient);
  });
}

function echoOf(echo: MessageEchoPayload, raw: Json, recipient: Party, phoneNumberId: string): NewEcho {
  const content = readEchoContent(raw);
  return withoutUndefined<NewEcho>({
    id: echo.id,
    phoneNumberId,
    recipient: recipient.waId === undefined ? undefined : `+${recipient.waId}`,
    waId: recipient.waId,
    recipientUserId: recipient.userId,
    recipientParentUserId: recipient.parentUserId,
    type: content.type,
    timestamp: echo.timestamp,
    text: content.text,
    originalMessageId: content.originalMessageId,
    // As Meta sent it (timestamps stay Meta's seconds), for the content the gateway does not model.
    rawJson: JSON.stringify(raw),
  });
}

/**
 * Who an echo went to: `to` (and `to_user_id`), unless `to` is the business's own number, as in Meta's
 * examples of an edit or a revoke, which name the customer in `from`. Null when no side is the customer.
 */
export function echoRecipient(echo: MessageEchoPayload, businessNumber: string | undefined): Party | null {
  const toBusiness = isNumber(echo.to, businessNumber);
  if (!toBusiness && (echo.to !== undefined || echo.to_user_id !== undefined)) {
    return withoutUndefined({ waId: echo.to, userId: echo.to_user_id, parentUserId: echo.to_parent_user_id });
  }
  if (echo.from !== undefined && !isNumber(echo.from, businessNumber)) {
    return withoutUndefined({ waId: echo.from, userId: echo.from_user_id });
  }
  return null;
}

/** The content of an echo as Meta sent it; what is not read here stays in the raw echo. */
export function readEchoContent(raw: Json): EchoContent {
  const type = string(raw['type']) ?? 'unknown';
  const content: EchoContent = { type };
  const body = object(raw[type]);
  const text = textOf(type, body);
  if (text !== undefined) content.text = text;
  if (type === 'edit' || type === 'revoke') {
    const original = string(body['original_message_id']);
    if (original !== undefined) content.originalMessageId = original;
    if (type === 'edit') {
      // The edit carries the message as it now reads, in the shape of a message of its own.
      const edited = object(body['message']);
      const editedType = string(edited['type']);
      const editedText =
        editedType === undefined ? undefined : textOf(editedType, object(edited[editedType]));
      if (editedText !== undefined) content.text = editedText;
    }
  }
  return content;
}

function textOf(type: string, body: Json): string | undefined {
  if (type === 'text') return string(body['body']);
  if (CAPTIONED_TYPES.has(type)) return string(body['caption']);
  return undefined;
}

/** Whether `value` is the business's number (digits compared, so `+1 555…` and `1555…` are one). */
export function isNumber(value: string | undefined, businessNumber: string | undefined): boolean {
  if (value === undefined || businessNumber === undefined) return false;
  const digits = businessNumber.replace(/\D/g, '');
  return digits !== '' && value.replace(/\D/g, '') === digits;
}
