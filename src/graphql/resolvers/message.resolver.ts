import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Scope } from '../../config';
import { type Diagnosis, Locale } from '../../diagnosis';
import {
  type MessageFilter as StoreMessageFilter,
  type MessagePage,
  type MessageRecord,
  type MessageStore,
} from '../../messages';
import { type GatewayContext } from '../context';
import { badInput } from '../gateway-error';
import { MessageFilter } from '../inputs/message-filter.input';
import { primeMessages } from '../loaders';
import { type MessageView, toMessage } from '../mappers/message-mappers';
import { type DiagnosisService } from '../services/diagnosis-service';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { MessageConnection } from '../types/message-connection.type';
import { Message } from '../types/message.type';
import { encodePageCursor, InvalidPageCursorError, normaliseCustomerId } from '../../store-kit';
import { assertCustomer } from '../args';

const MAX_PAGE_SIZE = 100;

@ArgsType()
class MessagesArgs {
  @Field(() => MessageFilter, { nullable: true, description: 'Which messages; all when omitted.' })
  filter?: MessageFilter | null;

  @Field(() => Int, { defaultValue: 20, description: `How many messages, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's `endCursor`, or any edge's `cursor`: the page starts right after it.",
  })
  after?: string | null;
}

@Resolver(() => Message)
export class MessageResolver {
  constructor(
    private readonly store: MessageStore,
    private readonly diagnoses: DiagnosisService,
  ) {}

  @Authorized(Scope.READ)
  @Query(() => Message, {
    nullable: true,
    description: 'One message by its wamid; null when the gateway has never seen it.',
  })
  async message(
    @Arg('id', () => ID, { description: "The message's wamid." }) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<MessageView | null> {
    const record = await context.loaders.message.load(id);
    return record ? toMessage(record) : null;
  }

  @Authorized(Scope.READ)
  @Query(() => MessageConnection, { description: 'Messages, newest first, filtered and paginated.' })
  async messages(
    @Args() { filter, first, after }: MessagesArgs,
    @Ctx() context: GatewayContext,
  ): Promise<MessageConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput('first', `first must be from 1 to ${MAX_PAGE_SIZE}.`);
    }
    const recipient = filter?.recipient ?? null;
    if (recipient !== null) assertCustomer('filter.recipient', recipient);
    const page = await this.listPage(
      {
        ...(filter?.status && { status: filter.status }),
        ...(recipient !== null && { recipient: normaliseCustomerId(recipient) }),
        ...(filter?.phoneNumberId && { phoneNumberId: filter.phoneNumberId }),
        ...(filter?.from && { from: filter.from.getTime() }),
        ...(filter?.to && { to: filter.to.getTime() }),
      },
      first,
      after ?? null,
    );
    primeMessages(context.loaders, page.records);
    let records: MessageRecord[] = page.records;
    if (filter?.cause) {
      const causes = await Promise.all(
        records.map((record) => this.diagnoses.forMessage(record, Locale.EN, context.loaders)),
      );
      records = records.filter((_, index) => causes[index]!.cause === filter.cause);
    }
    const nodes = records.map(toMessage);
    return {
      nodes,
      // The same position the store puts in `endCursor`: `after` an edge's cursor resumes right after it.
      edges: nodes.map((node) => ({
        node,
        cursor: encodePageCursor({ createdAt: node.record.createdAt, id: node.record.id }),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @FieldResolver(() => DiagnosisType, {
    description: 'Why the message is where it is, and what to do about it.',
  })
  diagnosis(
    @Root() message: MessageView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis> {
    return this.diagnoses.forMessage(message.record, locale, context.loaders);
  }

  private async listPage(
    filter: StoreMessageFilter,
    first: number,
    after: string | null,
  ): Promise<MessagePage> {
    try {
      return await this.store.list(filter, first, after);
    } catch (error) {
      if (error instanceof InvalidPageCursorError) throw badInput('after', error.message);
      throw error;
    }
  }
}
