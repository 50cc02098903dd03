import { Field, ObjectType } from 'type-graphql';
import { MessageStatus } from './enums';
import { MessageError } from './message-error.type';
import { Message } from './message.type';

@ObjectType({ description: 'A status change of one message, pushed to subscribers as the webhook arrives.' })
export class MessageStatusEvent {
  @Field({ description: 'Where this event stands in the stream: pass it as `since` to resume after it.' })
  cursor!: string;

  @Field(() => MessageStatus, { description: 'The status Meta reported.' })
  status!: MessageStatus;

  @Field(() => MessageStatus, { nullable: true, description: 'The effective status before this change.' })
  previousStatus!: MessageStatus | null;

  @Field(() => Date, { description: "Meta's time of the status." })
  timestamp!: Date;

  @Field(() => [MessageError], { description: 'The errors of a `failed` status.' })
  errors!: Array<MessageError>;

  @Field(() => Message, { description: 'The message as it stands after the change.' })
  message!: Message;
}
