import { Arg, Args, Authorized, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type ContactStore } from '../../contacts';
import { type ConversationService, InvalidConversationCursorError } from '../../conversations';
import { badInput } from '../gateway-error';
import { toContact, toMessage } from '../mappers/message-mappers';
import { Contact } from '../types/contact.type';
import { ConversationConnection, InboundMessage } from '../types/inbound-message.type';
import { toCallEvent } from '../mappers/call-event';
import { PageArgs, assertCustomer, assertPageSize } from '../args';
import { toInboundMessage, type InboundMessageView } from '../mappers/inbound-message';

@Resolver()
export class ConversationResolver {
  constructor(private readonly conversations: ConversationService) {}

  @Authorized(Scope.READ)
  @Query(() => ConversationConnection, {
    description:
      'A customer’s conversation: the messages the business sent and those the customer wrote, in one time line, newest first.',
  })
  async conversation(
    @Arg('contact', () => String, {
      description: "The customer: an E.164 number, a BSUID, or a contact's `id` as the gateway shows it.",
    })
    contact: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<ConversationConnection> {
    assertCustomer('contact', contact);
    return conversationConnection(this.conversations, contact, first, after ?? null);
  }
}

/** A conversation page as GraphQL shows it: the `conversation` query and a `Contact`'s field. */
export async function conversationConnection(
  conversations: ConversationService,
  customer: string,
  first: number,
  after: string | null,
): Promise<ConversationConnection> {
  assertPageSize(first);
  try {
    const page = await conversations.page(customer, first, after);
    const nodes = page.entries.map((entry) => {
      switch (entry.kind) {
        case 'outbound':
          return toMessage(entry.message);
        case 'inbound':
          return toInboundMessage(entry.message, page.contact);
        case 'call':
          return toCallEvent(entry.call, page.contact);
        default:
          throw new Error(`Unhandled conversation entry: ${JSON.stringify(entry satisfies never)}`);
      }
    });
    return {
      // The inbound view gains its `from` in `InboundMessageResolver`, a call's `contact` in `CallEventResolver`.
      nodes: nodes as unknown as ConversationConnection['nodes'],
      edges: nodes.map((node, i) => ({
        node: node as unknown as InboundMessage,
        cursor: page.cursors[i] as string,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  } catch (error) {
    if (error instanceof InvalidConversationCursorError) throw badInput('after', error.message);
    throw error;
  }
}

@Resolver(() => InboundMessage)
export class InboundMessageResolver {
  constructor(
    private readonly contacts: ContactStore,
    private readonly clock: () => number,
  ) {}

  @FieldResolver(() => Contact, { description: 'Who wrote.' })
  async from(@Root() message: InboundMessageView): Promise<Contact> {
    const { waId, userId } = message.record.from;
    const found = message.sender ?? (await this.contacts.find(userId ?? `+${waId ?? ''}`));
    const now = this.clock();
    if (found !== null) return toContact(found, now);
    // Not learnt yet (the contact write of the same webhook still in flight): what the message says.
    return toContact(
      {
        id: userId ?? `+${waId ?? ''}`,
        ...(waId !== undefined && { waId, phone: `+${waId}` }),
        ...(userId !== undefined && { userId }),
        firstSeenAt: message.record.receivedAt,
        lastSeenAt: message.record.receivedAt,
        lastInboundAt: message.record.timestamp,
      },
      now,
    );
  }
}
