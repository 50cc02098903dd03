import { Field, ID, InputType } from 'type-graphql';
import { DiagnosisCause, MessageStatus } from '../types/enums';

@InputType({ description: 'Which messages to list. Every field given must match.' })
export class MessageFilter {
  @Field(() => [MessageStatus], { nullable: true, description: 'Any of these effective statuses.' })
  status?: MessageStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The customer: an E.164 number, a business-scoped user id (BSUID), or a contact's `id` as the gateway shows it.",
  })
  recipient?: string | null;

  @Field(() => ID, { nullable: true, description: 'The business phone number id it was sent from.' })
  phoneNumberId?: string | null;

  @Field(() => DiagnosisCause, {
    nullable: true,
    description: 'Only messages whose diagnosis has this cause.',
  })
  cause?: DiagnosisCause | null;

  @Field(() => Date, { nullable: true, description: 'Sent at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Sent at or before this time.' })
  to?: Date | null;
}
