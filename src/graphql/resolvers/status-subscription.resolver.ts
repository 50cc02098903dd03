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
import { Scope } from '../../config';
import { type GatewayContext } from '../context';
import { toStatusEvent } from '../mappers/message-mappers';
import { assertScope } from '../auth-checker';
import { type StatusEventWithMessage } from '../../live';
import { MessageStatusEvent } from '../types/message-status-event.type';
import { liveRequest, SINCE_DESCRIPTION } from './live-request';
import { normaliseCustomerId } from '../../store-kit';
import { assertCustomer } from '../args';

@ArgsType()
class MessageStatusChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only this message.' })
  messageId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only messages to this customer: an E.164 number, a business-scoped user id (BSUID), or a contact's `id` as the gateway shows it.",
  })
  recipient?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only messages from this business phone number id.' })
  phoneNumberId?: string | null;

  @Field(() => String, { nullable: true, description: SINCE_DESCRIPTION })
  since?: string | null;
}

@Resolver()
export class StatusSubscriptionResolver {
  @Subscription(() => MessageStatusEvent, {
    description: 'Status changes as Meta reports them, on whichever gateway instance the webhook lands.',
    // The one place a status subscription is checked and joined to the fan-out, whatever its transport
    // and whatever directives, aliases or fragments its document uses.
    subscribe: ({
      args,
      context,
      info,
    }: SubscribeResolverData<unknown, MessageStatusChangedArgs, GatewayContext>) => {
      assertScope(context, Scope.SUBSCRIBE);
      const recipient = args.recipient ?? null;
      if (recipient !== null) assertCustomer('recipient', recipient);
      return context.live.statuses.subscribe({
        ...liveRequest(context, info, args.since),
        filter: {
          messageId: args.messageId ?? null,
          recipient: recipient === null ? null : normaliseCustomerId(recipient),
          phoneNumberId: args.phoneNumberId ?? null,
        },
      });
    },
  })
  messageStatusChanged(
    @Root() payload: StatusEventWithMessage,
    @Args() _args: MessageStatusChangedArgs,
  ): MessageStatusEvent {
    return toStatusEvent(payload.event, payload.message);
  }
}
