/**
 * The `sendMessage` input as GraphQL hands it over: plain objects, `null` where a field was left out.
 * The schema's input classes declare this shape; below the resolver only this interface is used.
 */
export interface SendMessageFields {
  to: string;
  phoneNumberId?: string | null;
  idempotencyKey?: string | null;
  replyTo?: string | null;
  text?: TextFields | null;
  template?: TemplateFields | null;
  image?: MediaFields | null;
  video?: MediaFields | null;
  audio?: MediaFields | null;
  document?: MediaFields | null;
  sticker?: MediaFields | null;
  interactive?: Record<string, unknown> | null;
  reaction?: ReactionFields | null;
}

export interface TextFields {
  body: string;
  previewUrl?: boolean | null;
}

export interface TemplateFields {
  name: string;
  languageCode: string;
  components?: Array<Record<string, unknown>> | null;
}

export interface MediaFields {
  link?: string | null;
  id?: string | null;
  caption?: string | null;
  filename?: string | null;
}

export interface ReactionFields {
  messageId: string;
  emoji: string;
}
