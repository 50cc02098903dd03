import { Arg, Args, Authorized, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type ContactStore } from '../../contacts';
import { type ConversationService } from '../../conversations';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../../diagnosis';
import { toContact } from '../mappers/message-mappers';
import { Contact } from '../types/contact.type';
import { ContactConnection, ConversationConnection } from '../types/inbound-message.type';
import { conversationConnection } from './conversation.resolver';
import { encodePageCursor } from '../../store-kit';
import { assertCustomer, PageArgs, assertPageSize, decodeContactCursor } from '../args';

@InputType({ description: 'Which contacts to list. Every field given must match.' })
class ContactFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only contacts whose 24-hour customer service window is open (true) or closed (false) now.',
  })
  windowOpen?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only contacts who stopped (true) or did not stop (false) marketing messages.',
  })
  marketingOptOut?: boolean | null;
}

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly contactStore: ContactStore,
    private readonly conversations: ConversationService,
    private readonly clock: () => number,
  ) {}

  @Authorized(Scope.READ)
  @Query(() => Contact, {
    nullable: true,
    description:
      'A customer by phone number (E.164, `+` optional) or business-scoped user id; null when no webhook has named them.',
  })
  async contact(
    @Arg('id', () => String, { description: 'An E.164 number, a BSUID or a contact id.' }) id: string,
  ): Promise<Contact | null> {
    assertCustomer('id', id);
    const contact = await this.contactStore.find(id.trim());
    return contact === null ? null : toContact(contact, this.clock());
  }

  @Authorized(Scope.READ)
  @Query(() => ContactConnection, { description: 'Contacts, newest activity first, filtered and paginated.' })
  async contacts(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ContactFilter, { nullable: true, description: 'Which contacts; all when omitted.' })
    filter: ContactFilter | null,
  ): Promise<ContactConnection> {
    assertPageSize(first);
    const now = this.clock();
    const page = await this.contactStore.list(
      {
        ...(typeof filter?.windowOpen === 'boolean' && {
          wroteAfter: { at: now - CUSTOMER_SERVICE_WINDOW_MS, expected: filter.windowOpen },
        }),
        ...(typeof filter?.marketingOptOut === 'boolean' && { marketingOptOut: filter.marketingOptOut }),
      },
      first,
      after ? decodeContactCursor(after) : null,
    );
    const cursorOf = (position: { lastSeenAt: number; id: string }) =>
      encodePageCursor({ createdAt: position.lastSeenAt, id: position.id });
    const nodes = page.contacts.map((contact) => toContact(contact, now));
    return {
      nodes,
      edges: page.contacts.map((contact, i) => ({ node: nodes[i] as Contact, cursor: cursorOf(contact) })),
      pageInfo: { hasNextPage: page.end !== null, endCursor: page.end === null ? null : cursorOf(page.end) },
    };
  }

  @FieldResolver(() => ConversationConnection, { description: 'This customer’s conversation, newest first.' })
  conversation(
    @Root() contact: Contact,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<ConversationConnection> {
    return conversationConnection(this.conversations, contact.id, first, after ?? null);
  }
}
