/**
 * Checks a `POST /{phone-number-id}/messages` body the way Meta does, closely enough that every
 * refusal names the parameter at fault (it becomes `error_data.details` of a code 100 error).
 */

export type SendType =
  | 'text'
  | 'template'
  | 'image'
  | 'video'
  | 'audio'
  | 'sticker'
  | 'document'
  | 'interactive'
  | 'reaction'
  | 'location'
  | 'contacts';

/** Who a send names: a phone number (`to`), or a business-scoped user id (`recipient`). */
export type SendRecipient = { kind: 'phone'; to: string; waId: string } | { kind: 'user'; userId: string };

export type ValidatedRequest =
  { kind: 'send'; recipient: SendRecipient; type: SendType } | { kind: 'mark-read'; messageId: string };

export type ValidationResult = { ok: true; request: ValidatedRequest } | { ok: false; details: string };

/** Meta's limits for a send, as the Cloud API documents them. */
export const TEXT_BODY_MAX = 4096;
export const CAPTION_MAX = 1024;

const SEND_TYPES: ReadonlySet<string> = new Set<SendType>([
  'text',
  'template',
  'image',
  'video',
  'audio',
  'sticker',
  'document',
  'interactive',
  'reaction',
  'location',
  'contacts',
]);

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Length in characters (code points), only counted exactly when it could matter. */
function charLength(value: string, limit: number): number {
  return value.length <= limit ? value.length : [...value].length;
}

/** Meta's BSUID: country code, a dot, an optional `ENT.` (a parent id), up to 128 letters and digits. */
const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

export const isBusinessScopedUserId = (value: string): boolean => BSUID.test(value);

const fail = (details: string): ValidationResult => ({ ok: false, details });
const required = (parameter: string): ValidationResult => fail(`The parameter ${parameter} is required.`);

/** Validates a parsed JSON body. */
export function validateSendRequest(body: unknown): ValidationResult {
  if (!isRecord(body)) return fail('The request body must be a JSON object.');
  if (body.messaging_product === undefined) return required('messaging_product');
  if (body.messaging_product !== 'whatsapp') return fail("Param messaging_product must be 'whatsapp'.");
  if (body.status !== undefined) return validateMarkRead(body);
  const recipient = readRecipient(body);
  if ('ok' in recipient) return recipient;
  // Meta defaults the type to text.
  const type = body.type ?? 'text';
  if (typeof type !== 'string' || !SEND_TYPES.has(type)) {
    return fail(`Param type must be one of {${[...SEND_TYPES].join(', ')}}.`);
  }
  const content = body[type];
  // contacts is the one type whose object is an array of cards.
  const present = type === 'contacts' ? Array.isArray(content) && content.length > 0 : isRecord(content);
  if (!present) return required(type);
  const problem = type === 'contacts' ? undefined : validateContent(type as SendType, content as Json);
  if (problem !== undefined) return fail(problem);
  if (body.context !== undefined && !(isRecord(body.context) && isNonEmptyString(body.context.message_id))) {
    return fail("Param context['message_id'] is required.");
  }
  return { ok: true, request: { kind: 'send', recipient, type: type as SendType } };
}

/** `to` (a number) or `recipient` (a BSUID): one of the two, as Meta requires. */
function readRecipient(body: Json): SendRecipient | Extract<ValidationResult, { ok: false }> {
  const hasTo = body.to !== undefined && body.to !== '';
  const hasRecipient = body.recipient !== undefined && body.recipient !== '';
  if (!hasTo && !hasRecipient) return { ok: false, details: 'The parameter to or recipient is required.' };
  if (hasTo && hasRecipient) return { ok: false, details: 'Give either to or recipient, not both.' };
  if (hasRecipient) {
    if (typeof body.recipient !== 'string' || !BSUID.test(body.recipient)) {
      return { ok: false, details: 'Param recipient is not a valid business-scoped user id.' };
    }
    return { kind: 'user', userId: body.recipient };
  }
  if (typeof body.to !== 'string' && typeof body.to !== 'number') {
    return { ok: false, details: 'Param to must be a string.' };
  }
  const to = String(body.to);
  const waId = to.replace(/\D/g, '');
  if (waId.length < 7 || waId.length > 15 || /[^\d\s()+.-]/.test(to)) {
    return { ok: false, details: 'Param to is not a valid phone number.' };
  }
  return { kind: 'phone', to, waId };
}

function validateMarkRead(body: Json): ValidationResult {
  if (body.status !== 'read') return fail("Param status must be 'read'.");
  if (!isNonEmptyString(body.message_id)) return required('message_id');
  return { ok: true, request: { kind: 'mark-read', messageId: body.message_id } };
}

/** The details of the first problem in the type's object, or undefined when it is well formed. */
function validateContent(type: SendType, content: Json): string | undefined {
  switch (type) {
    case 'text':
      if (!isNonEmptyString(content.body)) return "Param text['body'] is required.";
      if (charLength(content.body, TEXT_BODY_MAX) > TEXT_BODY_MAX) {
        return `Param text['body'] must be at most ${TEXT_BODY_MAX} characters long.`;
      }
      return undefined;
    case 'template':
      if (!isNonEmptyString(content.name)) return "Param template['name'] is required.";
      if (!isRecord(content.language) || !isNonEmptyString(content.language.code)) {
        return "Param template['language']['code'] is required.";
      }
      if (content.components !== undefined && !Array.isArray(content.components)) {
        return "Param template['components'] must be an array.";
      }
      return undefined;
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
    case 'document':
      return validateMedia(type, content);
    case 'interactive':
      if (!isNonEmptyString(content.type)) return "Param interactive['type'] is required.";
      if (!isRecord(content.action)) return "Param interactive['action'] is required.";
      return undefined;
    case 'reaction':
      if (!isNonEmptyString(content.message_id)) return "Param reaction['message_id'] is required.";
      if (typeof content.emoji !== 'string') return "Param reaction['emoji'] is required.";
      return undefined;
    case 'location':
      if (typeof content.latitude !== 'number' && typeof content.latitude !== 'string') {
        return "Param location['latitude'] is required.";
      }
      if (typeof content.longitude !== 'number' && typeof content.longitude !== 'string') {
        return "Param location['longitude'] is required.";
      }
      return undefined;
    case 'contacts':
      return undefined;
    default:
      return assertNever(type);
  }
}

function validateMedia(type: SendType, content: Json): string | undefined {
  if (!isNonEmptyString(content.link) && !isNonEmptyString(content.id)) {
    return `Param ${type} must have either 'link' or 'id'.`;
  }
  if (content.caption !== undefined) {
    if (type === 'audio' || type === 'sticker') return `Param ${type}['caption'] is not supported.`;
    if (typeof content.caption !== 'string' || charLength(content.caption, CAPTION_MAX) > CAPTION_MAX) {
      return `Param ${type}['caption'] must be at most ${CAPTION_MAX} characters long.`;
    }
  }
  return undefined;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled send type: ${String(value)}`);
}
