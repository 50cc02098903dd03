import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AccountEventKind } from '../../account-events';
import { PageInfo } from './message-connection.type';

@ObjectType({
  description:
    'Something Meta reported about the account rather than one message (a template paused, a quality change, a limit change), or a webhook part the gateway could not read.',
})
export class AccountEvent {
  @Field({
    description: 'Its place in the account event stream: pass as `after` or `since` to continue after it.',
  })
  cursor!: string;

  @Field(() => AccountEventKind, { description: 'What it is about.' })
  kind!: AccountEventKind;

  @Field({
    description: "Meta's webhook field (`message_template_status_update`, …); empty when there was none.",
  })
  field!: string;

  @Field(() => ID, { nullable: true, description: 'The WhatsApp Business Account it concerns, when known.' })
  businessAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The business phone number it concerns, when known.' })
  phoneNumberId!: string | null;

  @Field(() => Date, { description: 'When it happened by Meta’s account (else when it was received).' })
  timestamp!: Date;

  @Field(() => Date, { description: 'When the gateway received it.' })
  receivedAt!: Date;

  @Field(() => GraphQLJSONObject, {
    description:
      'The change’s `value` as Meta sent it. For `WEBHOOK_ERROR`: `path`, `reason` and the unreadable `raw` part, or `path` and Meta’s `error`.',
  })
  payload!: Record<string, unknown>;
}

@ObjectType({ description: 'An account event in a page of results.' })
export class AccountEventEdge {
  @Field({ description: 'Pass as `after` to continue after this event.' })
  cursor!: string;

  @Field(() => AccountEvent, { description: 'The event.' })
  node!: AccountEvent;
}

@ObjectType({ description: 'A page of account events, newest first.' })
export class AccountEventConnection {
  @Field(() => [AccountEventEdge], { description: 'The events of this page with their cursors.' })
  edges!: AccountEventEdge[];

  @Field(() => [AccountEvent], { description: 'The events of this page.' })
  nodes!: AccountEvent[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}
