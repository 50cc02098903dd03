import {
  type SubscribeResolverData,
  Args,
  ArgsType,
  Field,
  ID,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { AccountEventKind, type AccountEventRecord } from '../../account-events';
import { Scope } from '../../config';
import { type InboundMessageEvent as InboundEventRecord } from '../../conversations';
import { assertScope } from '../auth-checker';
import { type GatewayContext } from '../context';
import { AccountEvent } from '../types/account-event.type';
import { InboundMessageEvent } from '../types/inbound-message.type';
import { customerFilter, liveRequest, SINCE_DESCRIPTION } from './live-request';
import { assertCustomer } from '../args';
import { toAccountEvent } from '../mappers/account-event';
import { toInboundMessage } from '../mappers/inbound-message';

@ArgsType()
class MessageReceivedArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Only messages from this customer: an E.164 number, a BSUID (either name of a known contact), or a contact's `id` as the gateway shows it.",
  })
  contact?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only messages to this business phone number id.' })
  phoneNumberId?: string | null;

  @Field(() => String, { nullable: true, description: SINCE_DESCRIPTION })
  since?: string | null;
}

@ArgsType()
class AccountEventReceivedArgs {
  @Field(() => [AccountEventKind], {
    nullable: true,
    description: 'Only these kinds; every kind when omitted.',
  })
  kind?: AccountEventKind[] | null;

  @Field(() => String, { nullable: true, description: SINCE_DESCRIPTION })
  since?: string | null;
}

@Resolver()
export class LiveSubscriptionsResolver {
  @Subscription(() => InboundMessageEvent, {
    description: 'Messages customers write, as webhooks arrive, on whichever gateway instance they land.',
    subscribe: ({
      args,
      context,
      info,
    }: SubscribeResolverData<unknown, MessageReceivedArgs, GatewayContext>) => {
      assertScope(context, Scope.SUBSCRIBE);
      const contact = args.contact ?? null;
      if (contact !== null) assertCustomer('contact', contact);
      const live = liveRequest(context, info, args.since);
      const customer = contact === null ? null : contact.trim();
      return customerFilter(context, customer, args.phoneNumberId ?? null).then((filter) =>
        context.live.messages.subscribe({ ...live, filter }),
      );
    },
  })
  messageReceived(
    @Root() event: InboundEventRecord,
    @Args() _args: MessageReceivedArgs,
  ): InboundMessageEvent {
    return {
      cursor: event.cursor,
      message: toInboundMessage(event.message) as unknown as InboundMessageEvent['message'],
    };
  }

  @Subscription(() => AccountEvent, {
    description: 'Account events (every webhook field besides messages), as they arrive, on any instance.',
    subscribe: ({
      args,
      context,
      info,
    }: SubscribeResolverData<unknown, AccountEventReceivedArgs, GatewayContext>) => {
      assertScope(context, Scope.SUBSCRIBE);
      return context.live.accountEvents.subscribe({
        ...liveRequest(context, info, args.since),
        filter: { kinds: args.kind && args.kind.length > 0 ? args.kind : null },
      });
    },
  })
  accountEventReceived(
    @Root() event: AccountEventRecord,
    @Args() _args: AccountEventReceivedArgs,
  ): AccountEvent {
    return toAccountEvent(event);
  }
}
