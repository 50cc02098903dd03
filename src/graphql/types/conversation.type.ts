import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The conversation Meta opened or used for the message (older pricing).' })
export class Conversation {
  @Field(() => String, { nullable: true, description: "Meta's conversation id." })
  id?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the conversation window closes.' })
  expiresAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'What opened it: `marketing`, `utility`, `authentication`, `service`, …',
  })
  originType?: string | null;
}

@ObjectType({ description: 'How Meta prices the message.' })
export class Pricing {
  @Field(() => Boolean, { nullable: true, description: 'Whether the message is charged.' })
  billable?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The pricing model, for example `PMP` or `CBP`.' })
  pricingModel?: string | null;

  @Field(() => String, { nullable: true, description: 'The category charged: `marketing`, `utility`, …' })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The price type, for example `regular` or `free_customer_service`.',
  })
  type?: string | null;
}
