import { type SendMessageInput, type MediaInput } from '../inputs/send-message.input';
import { badInput } from '../gateway-error';

/** Meta's limits on what a message may carry (reference: Cloud API messages). */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

const CONTENT_FIELDS = [
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'interactive',
  'reaction',
] as const;
export type ContentKind = (typeof CONTENT_FIELDS)[number];

const MEDIA_KINDS = new Set<ContentKind>(['image', 'video', 'audio', 'document', 'sticker']);
const CAPTIONED_KINDS = new Set<ContentKind>(['image', 'video', 'document']);
const E164 = /^\+?[1-9]\d{6,14}$/;
const WAMID = /^wamid\.[A-Za-z0-9+/=_-]{4,512}$/;
const PHONE_NUMBER_ID = /^\d{1,32}$/;

/** A checked send: what to call Meta with, and what the gateway keeps about it. */
export interface ValidatedSend {
  /** E.164 with `+`. */
  recipient: string;
  /** Digits only: the `to` on the wire and the customer's WhatsApp id as far as we know. */
  recipientDigits: string;
  phoneNumberId: string;
  kind: ContentKind;
  /** The JSON body of `POST /{phone-number-id}/messages`. */
  body: Record<string, unknown>;
}

/**
 * Checks a `sendMessage` input the way Meta would, so that bad input is answered at once, with the field
 * at fault named, instead of costing an upstream call.
 */
export function validateSendInput(input: SendMessageInput, defaultPhoneNumberId: string): ValidatedSend {
  const to = input.to.replace(/[\s()-]/g, '');
  if (!E164.test(to)) {
    throw badInput('input.to', 'input.to must be a phone number in E.164 form, for example +886912345678.');
  }
  const phoneNumberId = input.phoneNumberId ?? defaultPhoneNumberId;
  if (!PHONE_NUMBER_ID.test(phoneNumberId)) {
    throw badInput('input.phoneNumberId', 'input.phoneNumberId must be the digits of a phone number id.');
  }
  const given = CONTENT_FIELDS.filter((field) => input[field] !== null && input[field] !== undefined);
  if (given.length !== 1) {
    throw badInput(
      'input',
      given.length === 0
        ? `Give one content field: ${CONTENT_FIELDS.join(', ')}.`
        : `Give only one content field; got ${given.join(' and ')}.`,
    );
  }
  const kind = given[0] as ContentKind;
  const recipientDigits = to.replace(/^\+/, '');
  const body: Record<string, unknown> = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: recipientDigits,
    type: kind,
    [kind]: contentObject(input, kind),
  };
  if (input.replyTo !== null && input.replyTo !== undefined) {
    if (!WAMID.test(input.replyTo))
      throw badInput('input.replyTo', 'input.replyTo must be a message id (wamid.…).');
    body.context = { message_id: input.replyTo };
  }
  return { recipient: `+${recipientDigits}`, recipientDigits, phoneNumberId, kind, body };
}

function contentObject(input: SendMessageInput, kind: ContentKind): Record<string, unknown> {
  if (MEDIA_KINDS.has(kind)) return mediaObject(input[kind] as MediaInput, kind);
  switch (kind) {
    case 'text': {
      const text = input.text!;
      if (text.body.trim().length === 0)
        throw badInput('input.text.body', 'input.text.body must not be empty.');
      if (text.body.length > MAX_TEXT_LENGTH) {
        throw badInput('input.text.body', `input.text.body is longer than ${MAX_TEXT_LENGTH} characters.`);
      }
      return { body: text.body, preview_url: text.previewUrl ?? false };
    }
    case 'template': {
      const template = input.template!;
      if (template.name.trim() === '')
        throw badInput('input.template.name', 'input.template.name must not be empty.');
      if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(template.languageCode)) {
        throw badInput(
          'input.template.languageCode',
          'input.template.languageCode must look like en_US or zh_TW.',
        );
      }
      return {
        name: template.name,
        language: { code: template.languageCode },
        ...(template.components ? { components: template.components } : {}),
      };
    }
    case 'interactive': {
      const interactive = input.interactive!;
      if (typeof interactive.type !== 'string') {
        throw badInput(
          'input.interactive.type',
          'input.interactive needs a type (button, list, cta_url, …).',
        );
      }
      return interactive;
    }
    case 'reaction': {
      const reaction = input.reaction!;
      if (!WAMID.test(reaction.messageId)) {
        throw badInput(
          'input.reaction.messageId',
          'input.reaction.messageId must be a message id (wamid.…).',
        );
      }
      return { message_id: reaction.messageId, emoji: reaction.emoji };
    }
    default:
      throw new Error(`unhandled content kind ${kind}`);
  }
}

function mediaObject(media: MediaInput, kind: ContentKind): Record<string, unknown> {
  const field = `input.${kind}`;
  const hasLink = typeof media.link === 'string' && media.link !== '';
  const hasId = typeof media.id === 'string' && media.id !== '';
  if (hasLink === hasId) throw badInput(field, `${field} needs either link or id, not both.`);
  if (hasLink && !/^https?:\/\/\S+$/.test(media.link!))
    throw badInput(`${field}.link`, `${field}.link must be a URL.`);
  const object: Record<string, unknown> = hasLink ? { link: media.link } : { id: media.id };
  if (media.caption !== null && media.caption !== undefined) {
    if (!CAPTIONED_KINDS.has(kind))
      throw badInput(`${field}.caption`, `${field}.caption is not allowed: a ${kind} has no caption.`);
    if (media.caption.length > MAX_CAPTION_LENGTH) {
      throw badInput(`${field}.caption`, `${field}.caption is longer than ${MAX_CAPTION_LENGTH} characters.`);
    }
    object.caption = media.caption;
  }
  if (media.filename !== null && media.filename !== undefined) {
    if (kind !== 'document')
      throw badInput(`${field}.filename`, `${field}.filename is not allowed: only a document has one.`);
    object.filename = media.filename;
  }
  return object;
}
