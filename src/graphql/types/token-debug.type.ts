import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A permission and the WhatsApp Business Accounts it covers.' })
export class GranularScope {
  @Field({ description: 'The permission.' })
  scope!: string;

  @Field(() => [String], { description: 'The ids it is limited to; empty means all.' })
  targetIds!: string[];
}

@ObjectType({
  description:
    'What Meta says about an access token (`GET /debug_token`). The token itself is never returned.',
})
export class TokenDebug {
  @Field({ description: 'Whether the token can be used now.' })
  isValid!: boolean;

  @Field(() => String, { nullable: true, description: 'The Meta app the token belongs to.' })
  appId!: string | null;

  @Field(() => String, { nullable: true, description: "The app's name." })
  application!: string | null;

  @Field(() => String, { nullable: true, description: '`SYSTEM_USER`, `USER`, `PAGE` or `APP`.' })
  type!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it expires; null when it never does.' })
  expiresAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When its data access expires; null when it never does.',
  })
  dataAccessExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was issued.' })
  issuedAt!: Date | null;

  @Field(() => [String], { description: 'The permissions granted.' })
  scopes!: string[];

  @Field(() => [GranularScope], { description: 'The permissions with the accounts they cover.' })
  granularScopes!: GranularScope[];

  @Field(() => [String], {
    description:
      'Which of `whatsapp_business_management` and `whatsapp_business_messaging` the token lacks; empty when both are there.',
  })
  missingPermissions!: string[];
}
