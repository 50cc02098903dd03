import { Field, ID, ObjectType } from 'type-graphql';
import { Conversation, Pricing } from './conversation.type';
import { MessageStatus } from './enums';
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
      'The recipient, in E.164 with `+`; null when the message was sent to a business-scoped user id.',
  })
  recipient!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The recipient's WhatsApp id (digits, no `+`); null when only a business-scoped user id is known.",
  })
  waId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The recipient's business-scoped user id (e.g. `US.13491208655302741918`), when the send named one.",
  })
  recipientUserId!: string | null;

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
}
