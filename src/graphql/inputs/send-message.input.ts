import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import {
  type MediaFields,
  type ReactionFields,
  type SendMessageFields,
  type TemplateFields,
  type TextFields,
} from '../../sending';

@InputType({ description: 'A text message.' })
export class TextInput implements TextFields {
  @Field({ description: 'The text, 1 to 4,096 characters (an emoji counts as one).' })
  body!: string;

  @Field(() => Boolean, { nullable: true, description: 'Show a preview of the first URL in the text.' })
  previewUrl?: boolean | null;
}

@InputType({ description: 'An approved message template.' })
export class TemplateInput implements TemplateFields {
  @Field({ description: 'The template name.' })
  name!: string;

  @Field({ description: 'The language and locale code, for example `en_US` or `zh_TW`.' })
  languageCode!: string;

  @Field(() => [GraphQLJSONObject], {
    nullable: true,
    description: "The template's components with their parameters, in Meta's format.",
  })
  components?: Array<Record<string, unknown>> | null;
}

@InputType({ description: 'Media by a public link or by the id of an uploaded file: one of the two.' })
export class MediaInput implements MediaFields {
  @Field(() => String, { nullable: true, description: 'An HTTPS URL Meta can fetch.' })
  link?: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of media uploaded to the Cloud API.' })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A caption (images, videos, documents), up to 1,024 characters.',
  })
  caption?: string | null;

  @Field(() => String, { nullable: true, description: 'The file name shown for a document.' })
  filename?: string | null;
}

@InputType({ description: 'A reaction to a message.' })
export class ReactionInput implements ReactionFields {
  @Field(() => ID, { description: 'The wamid of the message reacted to.' })
  messageId!: string;

  @Field({ description: 'The emoji; an empty string removes the reaction.' })
  emoji!: string;
}

/**
 * The schema's declaration of `sendMessage`'s input. Below the resolver only the plain
 * `SendMessageFields` shape is used: graphql-js hands the input over as plain objects.
 */
@InputType({ description: 'A message to send. Give exactly one content field.' })
export class SendMessageInput implements SendMessageFields {
  @Field({
    description:
      'The recipient: a phone number in E.164, for example `+886912345678` (the `+` is optional), or a business-scoped user id, for example `US.13491208655302741918`.',
  })
  to!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The business phone number id to send from; the configured sender by default.',
  })
  phoneNumberId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Any unique string, the caller's own: a retried call with the same key returns the first result instead of sending again. If the first call timed out, the key answers UPSTREAM_TIMEOUT with `outcomeUnknown: true` (the message may have gone out); use a new key to send anyway.",
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { nullable: true, description: 'The wamid of the message this one replies to.' })
  replyTo?: string | null;

  @Field(() => TextInput, { nullable: true, description: 'Text content.' })
  text?: TextInput | null;

  @Field(() => TemplateInput, {
    nullable: true,
    description: 'Template content (needed outside the 24-hour window).',
  })
  template?: TemplateInput | null;

  @Field(() => MediaInput, { nullable: true, description: 'An image.' })
  image?: MediaInput | null;

  @Field(() => MediaInput, { nullable: true, description: 'A video.' })
  video?: MediaInput | null;

  @Field(() => MediaInput, { nullable: true, description: 'An audio file.' })
  audio?: MediaInput | null;

  @Field(() => MediaInput, { nullable: true, description: 'A document.' })
  document?: MediaInput | null;

  @Field(() => MediaInput, { nullable: true, description: 'A sticker.' })
  sticker?: MediaInput | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "An interactive message (buttons, list, CTA URL, …) in Meta's `interactive` format.",
  })
  interactive?: Record<string, unknown> | null;

  @Field(() => ReactionInput, { nullable: true, description: 'A reaction to another message.' })
  reaction?: ReactionInput | null;
}
