import {
  type SubscribeResolverData,
  Args,
  ArgsType,
  Field,
  FieldResolver,
  ID,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { type CallEventRecord, type CallStore } from '../../calls';
import { Scope } from '../../config';
import { type ContactStore } from '../../contacts';
import { assertScope } from '../auth-checker';
import { type GatewayContext } from '../context';
import { badInput } from '../gateway-error';
import { toContact } from '../mappers/message-mappers';
import { CallEvent, CallEventConnection } from '../types/call-event.type';
import { Contact } from '../types/contact.type';
import { type CallEventView, toCallEvent } from '../mappers/call-event';
import { customerFilter, liveRequest, SINCE_DESCRIPTION } from './live-request';
import {
  decodePageCursor,
  encodePageCursor,
  InvalidPageCursorError,
  normaliseCustomerId,
} from '../../store-kit';
import { assertCustomer, PageArgs, assertPageSize } from '../args';

@ArgsType()
class CallEventReceivedArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only calls with this customer: an E.164 number or a BSUID (either name of a known contact).',
  })
  contact?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only calls of this business phone number id.' })
  phoneNumberId?: string | null;

  @Field(() => String, { nullable: true, description: SINCE_DESCRIPTION })
  since?: string | null;
}

@Resolver(() => CallEvent)
export class CallEventResolver {
  constructor(
    private readonly contacts: ContactStore,
    private readonly clock: () => number,
  ) {}

  @Subscription(() => CallEvent, {
    description:
      'Call events (calls connecting, ringing, taken, refused, ended), as webhooks arrive, on whichever gateway instance they land; resumable with `since`.',
    subscribe: ({
      args,
      context,
      info,
    }: SubscribeResolverData<unknown, CallEventReceivedArgs, GatewayContext>) => {
      assertScope(context, Scope.SUBSCRIBE);
      if (args.contact) assertCustomer('contact', args.contact);
      const live = liveRequest(context, info, args.since);
      return customerFilter(context, args.contact?.trim() || null, args.phoneNumberId ?? null).then(
        (filter) => context.live.calls.subscribe({ ...live, filter }),
      );
    },
  })
  callEventReceived(@Root() event: CallEventRecord, @Args() _args: CallEventReceivedArgs): CallEventView {
    return toCallEvent(event);
  }

  @FieldResolver(() => Contact, { description: 'The customer on the other end of the call.' })
  async contact(@Root() event: CallEventView): Promise<Contact> {
    const { waId, userId } = event.record.customer;
    const name = userId ?? `+${waId ?? ''}`;
    const found = event.sender ?? (await this.contacts.find(name));
    const now = this.clock();
    if (found !== null) return toContact(found, now);
    // Not learnt yet (the contact write of the same webhook still in flight): what the event says.
    return toContact(
      {
        id: name,
        ...(waId !== undefined && { waId, phone: `+${waId}` }),
        ...(userId !== undefined && { userId }),
        firstSeenAt: event.record.receivedAt,
        lastSeenAt: event.record.receivedAt,
      },
      now,
    );
  }
}

@Resolver(() => Contact)
export class ContactCallsResolver {
  constructor(private readonly callStore: CallStore) {}

  @FieldResolver(() => CallEventConnection, {
    description: 'This customer’s call events (under the number and the BSUID), newest first.',
  })
  async calls(
    @Root() contact: Contact,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<CallEventConnection> {
    assertPageSize(first);
    const names = [contact.phone, contact.userId].filter((name): name is string => name !== null);
    const position = after ? decodeCallCursor(after) : null;
    const found = await this.callStore.listFor(
      names.length > 0 ? names : [normaliseCustomerId(contact.id)],
      first + 1,
      position,
    );
    const page = found.slice(0, first);
    const nodes = page.map((event) => toCallEvent(event));
    const cursors = page.map((event) => encodePageCursor({ createdAt: event.timestamp, id: event.id }));
    const hasNextPage = found.length > first;
    return {
      // `contact` of each node is resolved by `CallEventResolver`.
      nodes: nodes as unknown as CallEvent[],
      edges: nodes.map((node, i) => ({ node: node as unknown as CallEvent, cursor: cursors[i] as string })),
      pageInfo: { hasNextPage, endCursor: hasNextPage ? (cursors.at(-1) ?? null) : null },
    };
  }
}

function decodeCallCursor(cursor: string): { timestamp: number; id: string } {
  try {
    const position = decodePageCursor(cursor);
    return { timestamp: position.createdAt, id: position.id };
  } catch (error) {
    if (error instanceof InvalidPageCursorError)
      throw badInput('after', `"${cursor}" is not a calls cursor; pass the endCursor of a previous page.`);
    throw error;
  }
}
