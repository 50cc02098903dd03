import { invalidInput } from './send-errors';
import { type MediaFields, type SendMessageFields } from './send-fields';
import { isWamid } from './wamid';

/** Meta's limits on what a message may carry, in characters (reference: Cloud API messages). */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export const CONTENT_KINDS = [
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
export type ContentKind = (typeof CONTENT_KINDS)[number];

const CAPTIONED_KINDS = new Set<ContentKind>(['image', 'video', 'document']);
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/;
const MEDIA_LINK = /^https?:\/\/\S+$/;

/** The one content field given; more or fewer is bad input. */
export function contentKindOf(input: SendMessageFields): ContentKind {
  let found: ContentKind | undefined;
  let count = 0;
  for (const kind of CONTENT_KINDS) {
    if (input[kind] === null || input[kind] === undefined) continue;
    found ??= kind;
    count++;
  }
  if (count === 1) return found!;
  const given = CONTENT_KINDS.filter((kind) => input[kind] !== null && input[kind] !== undefined);
  throw invalidInput(
    'input',
    given.length === 0
      ? `Give one content field: ${CONTENT_KINDS.join(', ')}.`
      : `Give only one content field; got ${given.join(' and ')}.`,
  );
}

/**
 * Characters as Meta counts them: code points, so an emoji outside the Basic Multilingual Plane is one
 * character, not the two UTF-16 units of `String.length`.
 */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point written as two units.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** Whether `text` has more than `limit` characters; the common short text is answered without counting. */
function longerThan(text: string, limit: number): boolean {
  return text.length > limit && characterCount(text) > limit;
}

/** Meta's content object for `kind`, checked the way Meta would check it. */
export function contentObject(input: SendMessageFields, kind: ContentKind): Record<string, unknown> {
  switch (kind) {
    case 'text': {
      const text = input.text!;
      if (text.body.trim().length === 0)
        throw invalidInput('input.text.body', 'input.text.body must not be empty.');
      if (longerThan(text.body, MAX_TEXT_LENGTH)) {
        throw invalidInput(
          'input.text.body',
          `input.text.body is longer than ${MAX_TEXT_LENGTH} characters.`,
        );
      }
      return { body: text.body, preview_url: text.previewUrl ?? false };
    }
    case 'template': {
      const template = input.template!;
      if (template.name.trim() === '')
        throw invalidInput('input.template.name', 'input.template.name must not be empty.');
      if (!LANGUAGE_CODE.test(template.languageCode)) {
        throw invalidInput(
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
        throw invalidInput(
          'input.interactive.type',
          'input.interactive needs a type (button, list, cta_url, …).',
        );
      }
      return interactive;
    }
    case 'reaction': {
      const reaction = input.reaction!;
      if (!isWamid(reaction.messageId)) {
        throw invalidInput(
          'input.reaction.messageId',
          'input.reaction.messageId must be a message id (wamid.…).',
        );
      }
      return { message_id: reaction.messageId, emoji: reaction.emoji };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return mediaObject(input[kind]!, kind);
    default: {
      const unreachable: never = kind;
      throw new Error(`unhandled content kind ${String(unreachable)}`);
    }
  }
}

function mediaObject(media: MediaFields, kind: ContentKind): Record<string, unknown> {
  const field = `input.${kind}`;
  const hasLink = typeof media.link === 'string' && media.link !== '';
  const hasId = typeof media.id === 'string' && media.id !== '';
  if (hasLink === hasId) throw invalidInput(field, `${field} needs either link or id, not both.`);
  if (hasLink && !MEDIA_LINK.test(media.link!))
    throw invalidInput(`${field}.link`, `${field}.link must be a URL.`);
  const object: Record<string, unknown> = hasLink ? { link: media.link } : { id: media.id };
  if (media.caption !== null && media.caption !== undefined) {
    if (!CAPTIONED_KINDS.has(kind))
      throw invalidInput(`${field}.caption`, `${field}.caption is not allowed: a ${kind} has no caption.`);
    if (longerThan(media.caption, MAX_CAPTION_LENGTH)) {
      throw invalidInput(
        `${field}.caption`,
        `${field}.caption is longer than ${MAX_CAPTION_LENGTH} characters.`,
      );
    }
    object.caption = media.caption;
  }
  if (media.filename !== null && media.filename !== undefined) {
    if (kind !== 'document')
      throw invalidInput(`${field}.filename`, `${field}.filename is not allowed: only a document has one.`);
    object.filename = media.filename;
  }
  return object;
}
