import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "Whether the customer's 24-hour customer service window is open." })
export class ServiceWindow {
  @Field({
    description:
      'True while free-form messages may be sent: within 24 hours of the customer’s last message that the gateway saw.',
  })
  open!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the window closes (or closed); null when the customer never wrote.',
  })
  expiresAt!: Date | null;
}

@ObjectType({
  description:
    'A WhatsApp customer as webhooks showed them. A phone number and a business-scoped user id that Meta showed together are one contact.',
})
export class Contact {
  @Field(() => ID, { description: 'The business-scoped user id when known, else the number (E.164).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The WhatsApp id (digits, no `+`), when known.' })
  waId!: string | null;

  @Field(() => String, { nullable: true, description: 'The phone number in E.164, when known.' })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The business-scoped user id (BSUID, e.g. `US.13491208655302741918`), when known.',
  })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'The parent BSUID (`US.ENT.…`), when known.' })
  parentUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'The WhatsApp username, when the customer has one.' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'The profile name the customer set.' })
  profileName!: string | null;

  @Field(() => Date, { description: 'When a webhook first named the customer.' })
  firstSeenAt!: Date;

  @Field(() => Date, { description: 'When a webhook last named the customer.' })
  lastSeenAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer last wrote to the business.' })
  lastInboundAt!: Date | null;

  @Field(() => ServiceWindow, { description: 'The 24-hour customer service window.' })
  serviceWindow!: ServiceWindow;

  @Field({
    description:
      'True when the customer’s latest choice (a `user_preferences` webhook) was to stop marketing messages: Meta then refuses marketing templates with 131050.',
  })
  marketingOptOut!: boolean;
}
