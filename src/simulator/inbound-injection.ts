import { z } from 'zod';
import type { HandlerResult } from './http-io';
import { SimulatorMediaId } from './media-library';
import type { WireInboundContent } from './wire-types';

/**
 * The simulator's control endpoint (on its own origin, and on a gateway's in simulated mode): what a
 * customer writes, posted to the webhook URL as Meta would post it. Not part of Meta's API.
 */
export const INBOUND_INJECTION_PATH = '/simulator/inbound-messages';

const customer = z
  .object({
    /** The customer's number (`+` and formatting are dropped). */
    from: z
      .string()
      .regex(/^\+?[\d\s().-]{7,20}$/, 'from must be a phone number')
      .optional(),
    /** The customer's business-scoped user id, alone (a customer with a username) or with `from`. */
    fromUserId: z
      .string()
      .regex(/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/, 'fromUserId must be a BSUID')
      .optional(),
    profileName: z.string().max(256).optional(),
    username: z.string().max(256).optional(),
    /** The wamid the message replies to. */
    replyTo: z.string().min(1).max(512).optional(),
  })
  .refine((value) => value.from !== undefined || value.fromUserId !== undefined, {
    message: 'give the customer as from, fromUserId or both',
  });

const content = z.union([
  z.object({ text: z.string().min(1).max(4096) }),
  z.object({
    image: z.object({ mediaId: z.string().optional(), caption: z.string().max(1024).optional() }),
  }),
  z.object({
    document: z.object({ mediaId: z.string().optional(), filename: z.string().max(240).optional() }),
  }),
  z.object({ voice: z.object({ mediaId: z.string().optional() }) }),
  z.object({ button: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }),
  z.object({ reaction: z.object({ messageId: z.string().min(1), emoji: z.string().min(1).max(8) }) }),
]);

export const inboundInjectionSchema = z.intersection(customer, content);

/** What a customer writes; `from` or `fromUserId` names them, one content field says what they sent. */
export type InboundInjection = z.input<typeof inboundInjectionSchema>;

/** The message part Meta would post for an injection (a media id defaults to one the simulator serves). */
export function wireContentOf(injection: InboundInjection): WireInboundContent {
  if ('text' in injection) return { type: 'text', text: { body: injection.text } };
  if ('image' in injection) {
    return {
      type: 'image',
      image: {
        id: injection.image.mediaId ?? SimulatorMediaId.IMAGE,
        mime_type: 'image/png',
        sha256: '',
        ...(injection.image.caption !== undefined && { caption: injection.image.caption }),
      },
    };
  }
  if ('document' in injection) {
    return {
      type: 'document',
      document: {
        id: injection.document.mediaId ?? SimulatorMediaId.DOCUMENT,
        mime_type: 'application/pdf',
        sha256: '',
        filename: injection.document.filename ?? 'invoice.pdf',
      },
    };
  }
  if ('voice' in injection) {
    return {
      type: 'audio',
      audio: {
        id: injection.voice.mediaId ?? SimulatorMediaId.VOICE_NOTE,
        mime_type: 'audio/ogg',
        sha256: '',
        voice: true,
      },
    };
  }
  if ('button' in injection)
    return { type: 'button', button: { payload: injection.button.id, text: injection.button.title } };
  return {
    type: 'reaction',
    reaction: { message_id: injection.reaction.messageId, emoji: injection.reaction.emoji },
  };
}

/** Reads a JSON request body, or answers why not. */
export function readJsonBody(
  body: Buffer,
): { ok: true; json: unknown } | { ok: false; result: HandlerResult } {
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false, result: { status: 400, body: { error: 'the body is not JSON' } } };
  }
}

/** Checks an injection; the answer for a bad one names what is wrong. */
export function parseInboundInjection(
  json: unknown,
): { ok: true; injection: InboundInjection } | { ok: false; result: HandlerResult } {
  const parsed = inboundInjectionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    return {
      ok: false,
      result: {
        status: 400,
        body: {
          error: `${issues.join('; ')}. Give from and/or fromUserId, and one of text, image, document, voice, button, reaction.`,
        },
      },
    };
  }
  return { ok: true, injection: parsed.data };
}
