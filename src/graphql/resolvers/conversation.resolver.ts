import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Field,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Scope } from '../../config';
import { type ContactRecord, type ContactStore } from '../../contacts';
import {
  type ConversationService,
  type InboundMessageRecord,
  InvalidConversationCursorError,
} from '../../conversations';
import { badInput } from '../gateway-error';
import { toContact, toMessage, toMessageError } from '../mappers';
import { Contact } from '../types/contact.type';
import { pricingValue } from '../types/conversation.type';
import { CallPermissionResponse } from '../types/inbound-reply.type';
import { ConversationConnection, InboundMessage } from '../types/inbound-message.type';
import { toCallEvent } from './call-event-view';
import { customerIdProblem, decodePageCursor, InvalidPageCursorError } from '../../store-kit';

const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's `endCursor`, or any edge's `cursor`.",
  })
  after?: string | null;
}

/**
 * An inbound message as GraphQL shows it; the record rides along for `from`, and so does the sender's
 * contact when the caller already read it (a conversation page reads it once for all its messages).
 */
export type InboundMessageView = Omit<InboundMessage, 'from'> & {
  record: InboundMessageRecord;
  sender: ContactRecord | null;
};

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

export function toInboundMessage(
  record: InboundMessageRecord,
  sender: ContactRecord | null = null,
): InboundMessageView {
  return {
    record,
    sender,
    id: record.id,
    phoneNumberId: record.phoneNumberId,
    type: record.type,
    timestamp: new Date(record.timestamp),
    receivedAt: new Date(record.receivedAt),
    text: record.text ?? null,
    media: record.media
      ? {
          id: record.media.id,
          mimeType: record.media.mimeType ?? null,
          sha256: record.media.sha256 ?? null,
          caption: record.media.caption ?? null,
          filename: record.media.filename ?? null,
          url: `/media/${encodeURIComponent(record.media.id)}`,
        }
      : null,
    location: record.location
      ? {
          latitude: record.location.latitude,
          longitude: record.location.longitude,
          name: record.location.name ?? null,
          address: record.location.address ?? null,
        }
      : null,
    reply: record.reply
      ? { kind: record.reply.kind, id: record.reply.id ?? null, title: record.reply.title ?? null }
      : null,
    reaction: record.reaction
      ? { messageId: record.reaction.messageId, emoji: record.reaction.emoji ?? null }
      : null,
    flowReply: record.flowReply
      ? {
          name: record.flowReply.name ?? null,
          body: record.flowReply.body ?? null,
          response: record.flowReply.response ?? null,
          flowToken: record.flowReply.flowToken ?? null,
        }
      : null,
    callPermissionReply: record.callPermissionReply
      ? {
          response: pricingValue(CallPermissionResponse, record.callPermissionReply.response),
          rawResponse: record.callPermissionReply.response ?? null,
          expiresAt: dateOrNull(record.callPermissionReply.expiresAt),
          source: record.callPermissionReply.source ?? null,
          isPermanent: record.callPermissionReply.isPermanent ?? null,
        }
      : null,
    replyTo: record.replyTo ?? null,
    changes: record.changes ?? null,
    editedAt: dateOrNull(record.editedAt),
    revokedAt: dateOrNull(record.revokedAt),
    errors: record.errors.map(toMessageError),
    raw: record.raw,
  };
}

function dateOrNull(millis: number | undefined): Date | null {
  return millis === undefined ? null : new Date(millis);
}

export function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be from 1 to ${MAX_PAGE_SIZE}.`);
  }
}

/**
 * The one check of a customer a read is given (`contact`, `conversation`, the `recipient` and `contact`
 * filters): any id the gateway shows passes, even one that is no phone number, since Meta's WhatsApp ids
 * are not always numbers; only what can name nobody is refused.
 */
export function assertCustomer(argument: string, value: string): void {
  const problem = customerIdProblem(value);
  if (problem !== null) {
    throw badInput(
      argument,
      `${argument} ${problem}: give a phone number in E.164, a business-scoped user id (e.g. US.1349…) or a contact's id as the gateway shows it.`,
    );
  }
}

export function decodeContactCursor(cursor: string): { lastSeenAt: number; id: string } {
  try {
    const position = decodePageCursor(cursor);
    return { lastSeenAt: position.createdAt, id: position.id };
  } catch (error) {
    if (error instanceof InvalidPageCursorError)
      throw badInput('after', `"${cursor}" is not a contacts cursor.`);
    throw error;
  }
}
