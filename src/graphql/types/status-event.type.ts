import { Field, ObjectType } from 'type-graphql';
import { MessageStatus } from './enums';
import { MessageError } from './message-error.type';

@ObjectType({ description: 'One status Meta reported for a message, as it arrived.' })
export class StatusEvent {
  @Field(() => MessageStatus, { description: 'The status reported.' })
  status!: MessageStatus;

  @Field(() => Date, { description: "Meta's time of the status." })
  timestamp!: Date;

  @Field(() => Date, { description: 'When the gateway received it.' })
  receivedAt!: Date;

  @Field(() => [MessageError], { description: 'The errors of a `failed` status; empty otherwise.' })
  errors!: MessageError[];

  @Field({ description: 'The event cursor: subscribe with `since` set to it to resume after this event.' })
  cursor!: string;
}
