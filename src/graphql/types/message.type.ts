import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Conversation, Pricing } from './conversation.type';
import { MessageOrigin, MessageStatus } from './enums';
import { MessageError } from './message-error.type';
import { StatusEvent } from './status-event.type';

@ObjectType({ description: 'An outbound WhatsApp message and everything known about its delivery.' })
export class Message {
  @Field(() => ID, { description: "Meta's message id (`wamid.…`)." })
  id!: string;

  @Field(() => ID, { description: 'The business phone number id it was sent from.' })
  phoneNumberId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The recipient, in E.164 with `+`. Null when the customer is known only by business-scoped user id (a WhatsApp username hides the number) or the message went to a group.',
  })
  recipient!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The recipient's WhatsApp id (digits, no `+`), when known.",
  })
  waId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The recipient's business-scoped user id (BSUID, e.g. `US.13491208655302741918`), when known.",
  })
  recipientUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The recipient's parent BSUID (`US.ENT.…`), when the business portfolio is linked to others.",
  })
  recipientParentUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '`group` for a message to a WhatsApp group, `individual` when Meta said so, else null.',
  })
  recipientType!: string | null;

  @Field(() => String, { nullable: true, description: 'The group id, for a message to a WhatsApp group.' })
  groupId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'In a group: the participant named by the latest status about one.',
  })
  recipientParticipantId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'In a group: the business-scoped user id (BSUID) of the participant named by the latest status about one, when Meta sent it.',
  })
  recipientParticipantUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'In a group: the parent BSUID (`US.ENT.…`) of the participant named by the latest status about one, when Meta sent it (the business portfolio is linked to others).',
  })
  recipientParticipantParentUserId!: string | null;

  @Field({
    description: 'The content kind: `text`, `template`, `image`, … (`unknown` when first seen in a webhook).',
  })
  type!: string;

  @Field(() => Date, { description: 'When the message was sent (or first reported).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its status last changed.' })
  updatedAt!: Date;

  @Field(() => MessageStatus, {
    description:
      'The effective status: never regresses on a late status, and stays `DELIVERED` when one device got it and another failed.',
  })
  status!: MessageStatus;

  @Field({
    description: 'True when Meta reported both delivered and failed: the customer uses several devices.',
  })
  conflict!: boolean;

  @Field(() => [StatusEvent], { description: 'Every status reported, in Meta’s time order.' })
  statusHistory!: StatusEvent[];

  @Field(() => [MessageError], { description: 'The errors of every `failed` status.' })
  errors!: MessageError[];

  @Field(() => Conversation, { nullable: true, description: 'The conversation, when Meta reported one.' })
  conversation?: Conversation | null;

  @Field(() => Pricing, { nullable: true, description: 'The pricing, when Meta reported it.' })
  pricing?: Pricing | null;

  @Field(() => MessageOrigin, {
    description:
      'Who sent it: `API` through the gateway, `BUSINESS_APP` from the WhatsApp Business app (an echo, recorded as `ACCEPTED` at Meta’s time of the echo, then the statuses Meta reports).',
  })
  origin!: MessageOrigin;

  @Field(() => String, {
    nullable: true,
    description:
      'The text of a message sent from the WhatsApp Business app: a text’s body, a caption, or an edit’s new text. Null for sends through the gateway, whose content the caller keeps.',
  })
  text!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For an edit or a deletion made in the WhatsApp Business app (`type` `edit` or `revoke`): the wamid of the message it changes.',
  })
  originalMessageId!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'A message sent from the WhatsApp Business app as Meta echoed it (media, locations and every other content kept whole); null for sends through the gateway.',
  })
  raw!: Record<string, unknown> | null;
}
