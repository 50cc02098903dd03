import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InboundMessageType } from '../../conversations';
import { CallEvent } from './call-event.type';
import { Contact } from './contact.type';
import { InboundCallPermissionReply, InboundFlowReply } from './inbound-reply.type';
import { Message } from './message.type';
import { MessageError } from './message-error.type';
import { PageInfo } from './message-connection.type';

registerEnumType(InboundMessageType, {
  name: 'InboundMessageType',
  description:
    'What a customer sent. A type Meta adds later is `UNSUPPORTED` until the gateway models it; `raw` keeps it.',
  valuesConfig: {
    EDIT: {
      description:
        'The customer edited one of their messages: `changes` names it; `text` and `media` are the new content.',
    },
    REVOKE: { description: 'The customer deleted one of their messages for everyone: `changes` names it.' },
  },
});

@ObjectType({
  description:
    'A medium the customer sent. Its bytes are fetched through the gateway, never from Meta directly.',
})
export class InboundMedia {
  @Field(() => ID, { description: "Meta's media id." })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The MIME type, e.g. `image/jpeg`.' })
  mimeType!: string | null;

  @Field(() => String, { nullable: true, description: 'The SHA-256 of the file, as Meta reports it.' })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: 'The caption the customer wrote.' })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: "A document's file name." })
  filename!: string | null;

  @Field({ description: 'The gateway’s own address of the file (`/media/{id}`, a bearer key with `read`).' })
  url!: string;
}

@ObjectType({ description: 'A place the customer shared.' })
export class InboundLocation {
  @Field({ description: 'Latitude in degrees.' })
  latitude!: number;

  @Field({ description: 'Longitude in degrees.' })
  longitude!: number;

  @Field(() => String, { nullable: true, description: 'The place’s name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'The place’s address.' })
  address!: string | null;
}

@ObjectType({ description: 'The button, list row or flow the customer chose.' })
export class InboundReply {
  @Field({ description: '`button_reply`, `list_reply`, `nfm_reply` or `button` (a template quick reply).' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The id (or payload) the business gave the choice.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'The text the customer saw.' })
  title!: string | null;
}

@ObjectType({ description: 'A reaction the customer put on a message.' })
export class InboundReaction {
  @Field(() => ID, { description: 'The wamid reacted to.' })
  messageId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The emoji; null when the customer removed the reaction.',
  })
  emoji!: string | null;
}

@ObjectType({ description: 'A message a customer sent to a business number.' })
export class InboundMessage {
  @Field(() => ID, { description: "Meta's message id (`wamid.…`)." })
  id!: string;

  @Field(() => ID, { description: 'The business phone number id it was sent to.' })
  phoneNumberId!: string;

  @Field(() => Contact, { description: 'Who wrote.' })
  from!: Contact;

  @Field(() => InboundMessageType, { description: 'What was sent.' })
  type!: InboundMessageType;

  @Field(() => Date, { description: 'When the customer sent it (Meta’s time).' })
  timestamp!: Date;

  @Field(() => Date, { description: 'When the gateway received it.' })
  receivedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "The text: a text message's body, a caption, a chosen button's title, a system message.",
  })
  text!: string | null;

  @Field(() => InboundMedia, {
    nullable: true,
    description: 'The medium, for images, audio, video, documents, stickers.',
  })
  media!: InboundMedia | null;

  @Field(() => InboundLocation, { nullable: true, description: 'The place, for a location.' })
  location!: InboundLocation | null;

  @Field(() => InboundReply, {
    nullable: true,
    description: 'The choice, for an interactive or button reply.',
  })
  reply!: InboundReply | null;

  @Field(() => InboundReaction, { nullable: true, description: 'The reaction, for a reaction.' })
  reaction!: InboundReaction | null;

  @Field(() => InboundFlowReply, {
    nullable: true,
    description: 'The answers, for a completed WhatsApp Flow (an interactive `nfm_reply`).',
  })
  flowReply!: InboundFlowReply | null;

  @Field(() => InboundCallPermissionReply, {
    nullable: true,
    description:
      'The answer, for a reply to a call permission request (an interactive `call_permission_reply`).',
  })
  callPermissionReply!: InboundCallPermissionReply | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The wamid this message replies to (Meta’s `context.id`).',
  })
  replyTo!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For `EDIT` and `REVOKE`: the wamid of the customer’s message edited or deleted (Meta’s `original_message_id`), whether or not the gateway has it.',
  })
  changes!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the customer last edited this message; `text` and `media` are then the edited content (`raw` keeps the message as first sent). Null when never edited, as far as the gateway heard.',
  })
  editedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the customer deleted this message for everyone: show it as deleted. Null when not deleted, as far as the gateway heard.',
  })
  revokedAt!: Date | null;

  @Field(() => [MessageError], {
    description: 'Why Meta could not deliver the content (unsupported messages).',
  })
  errors!: MessageError[];

  @Field(() => GraphQLJSONObject, {
    description: 'The message as Meta sent it, for what the schema does not model yet.',
  })
  raw!: Record<string, unknown>;
}

@ObjectType({ description: 'A message a customer wrote, with its place in the inbound stream.' })
export class InboundMessageEvent {
  @Field({ description: 'Pass as `since` to resume right after this event.' })
  cursor!: string;

  @Field(() => InboundMessage, { description: 'The message.' })
  message!: InboundMessage;
}

/**
 * Which member of `ConversationItem` an item is: only a message the business sent has a status history,
 * only a call event a call id.
 */
export function conversationItemTypeName(item: object): 'Message' | 'InboundMessage' | 'CallEvent' {
  if ('statusHistory' in item) return 'Message';
  return 'callId' in item ? 'CallEvent' : 'InboundMessage';
}

export const ConversationItem = createUnionType({
  name: 'ConversationItem',
  description:
    'One item of a conversation: a message the business sent (through the gateway or from the WhatsApp Business app), one the customer wrote, or an event of a call.',
  types: () => [Message, InboundMessage, CallEvent] as const,
  resolveType: conversationItemTypeName,
});

@ObjectType({ description: 'An item of a conversation page with its cursor.' })
export class ConversationEdge {
  @Field({ description: 'Pass as `after` to continue after this item.' })
  cursor!: string;

  @Field(() => ConversationItem, { description: 'The item.' })
  node!: Message | InboundMessage | CallEvent;
}

@ObjectType({ description: 'A page of a conversation, newest first.' })
export class ConversationConnection {
  @Field(() => [ConversationEdge], { description: 'The items of this page with their cursors.' })
  edges!: ConversationEdge[];

  @Field(() => [ConversationItem], { description: 'The items of this page.' })
  nodes!: Array<Message | InboundMessage | CallEvent>;

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A contact in a page of results.' })
export class ContactEdge {
  @Field({ description: 'Pass as `after` to continue after this contact.' })
  cursor!: string;

  @Field(() => Contact, { description: 'The contact.' })
  node!: Contact;
}

@ObjectType({ description: 'A page of contacts, newest activity first.' })
export class ContactConnection {
  @Field(() => [ContactEdge], { description: 'The contacts of this page with their cursors.' })
  edges!: ContactEdge[];

  @Field(() => [Contact], { description: 'The contacts of this page.' })
  nodes!: Contact[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}
