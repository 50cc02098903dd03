import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SendAvailability {
  AVAILABLE = 'AVAILABLE',
  LIMITED = 'LIMITED',
  BLOCKED = 'BLOCKED',
}

registerEnumType(SendAvailability, {
  name: 'SendAvailability',
  description: 'Whether messages can be sent (`health_status.can_send_message`).',
  valuesConfig: {
    AVAILABLE: { description: 'Messages can be sent.' },
    LIMITED: { description: 'Some messages can be sent (for example, no business-initiated conversations).' },
    BLOCKED: { description: 'No message can be sent.' },
  },
});

@ObjectType({ description: 'A problem that limits or blocks sending, with what Meta suggests.' })
export class HealthError {
  @Field(() => Int, { description: 'The error code, for example 141006 (payment method).' })
  code!: number;

  @Field(() => String, { nullable: true, description: "Meta's description." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Meta's suggested fix." })
  possibleSolution!: string | null;
}

@ObjectType({
  description: 'One node of the messaging chain: the phone number, its account, business or app.',
})
export class HealthEntity {
  @Field({ description: '`PHONE_NUMBER`, `WABA`, `BUSINESS` or `APP`.' })
  entityType!: string;

  @Field(() => ID, { description: 'The id of the entity.' })
  id!: string;

  @Field(() => SendAvailability, { description: 'Whether this entity lets messages through.' })
  canSendMessage!: SendAvailability;

  @Field(() => [HealthError], { description: 'What limits or blocks it.' })
  errors!: HealthError[];

  @Field(() => [String], { description: 'More information from Meta.' })
  additionalInfo!: string[];
}

@ObjectType({ description: "The messaging health of a phone number: the worst of its chain's entities." })
export class HealthStatus {
  @Field(() => SendAvailability, { description: 'The overall answer.' })
  canSendMessage!: SendAvailability;

  @Field(() => [HealthEntity], { description: 'Each entity of the chain with its own answer.' })
  entities!: HealthEntity[];
}

@ObjectType({
  description: 'A business phone number as the Graph API reports it (`GET /{phone-number-id}`).',
})
export class PhoneNumber {
  @Field(() => ID, { description: 'The phone number id used to send.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The number as shown to customers.' })
  displayPhoneNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The approved business display name.' })
  verifiedName!: string | null;

  @Field(() => String, { nullable: true, description: '`GREEN`, `YELLOW`, `RED` or `UNKNOWN`.' })
  qualityRating!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How many customers it may start conversations with a day (`TIER_1K`, …).',
  })
  messagingLimitTier!: string | null;

  @Field(() => String, { nullable: true, description: '`CONNECTED`, `FLAGGED`, `RESTRICTED`, `BANNED`, …' })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'The display name review status.' })
  nameStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'Whether the number was verified by code.' })
  codeVerificationStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'The throughput level: `STANDARD`, `HIGH`, …' })
  throughputLevel!: string | null;

  @Field(() => String, { nullable: true, description: '`CLOUD_API`, `ON_PREMISE` or `NOT_APPLICABLE`.' })
  platformType!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is an Official Business Account.' })
  isOfficialBusinessAccount!: boolean | null;

  @Field(() => HealthStatus, {
    nullable: true,
    description: 'Whether it can send messages, and what stops it.',
  })
  health!: HealthStatus | null;
}
