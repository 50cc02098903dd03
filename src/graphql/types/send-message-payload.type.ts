import { Field, ObjectType } from 'type-graphql';
import { Message } from './message.type';
import { UpstreamError } from './upstream-error.type';

@ObjectType({ description: 'The outcome of a send: the message, or the reason Meta refused it.' })
export class SendMessagePayload {
  @Field(() => Message, {
    nullable: true,
    description: 'The message accepted by the Cloud API; null when refused.',
  })
  message!: Message | null;

  @Field(() => UpstreamError, {
    nullable: true,
    description:
      'Why the send was refused (by Meta, or by the gateway before it reached Meta); null when sent.',
  })
  error!: UpstreamError | null;

  @Field(() => [String], {
    description:
      'What the gateway knew before sending and the caller may want to show: for example that the customer’s 24-hour service window is closed (a free-form message is then refused with 131047). The send went ahead regardless.',
  })
  warnings!: string[];
}
