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
import {
  AccountEventKind,
  type AccountEventStore,
  InvalidAccountEventCursorError,
} from '../../account-events';
import { Scope } from '../../config';
import { type Diagnosis, diagnoseAccountEvent, Locale, summariseAccountEvent } from '../../diagnosis';
import { badInput } from '../gateway-error';
import { AccountEvent, AccountEventConnection } from '../types/account-event.type';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { accountEventEvidence, toAccountEvent, type AccountEventView } from '../mappers/account-event';

const MAX_PAGE_SIZE = 100;

@ArgsType()
class AccountEventsArgs {
  @Field(() => [AccountEventKind], {
    nullable: true,
    description: 'Only these kinds; every kind when omitted.',
  })
  kind?: AccountEventKind[] | null;

  @Field(() => Int, { defaultValue: 20, description: `How many events, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's `endCursor`, or any event's `cursor`: the page starts right after it.",
  })
  after?: string | null;
}

/** An account event as GraphQL shows it; the record rides along for the summary. */

@Resolver(() => AccountEvent)
export class AccountEventResolver {
  constructor(private readonly events: AccountEventStore) {}

  @Authorized(Scope.READ)
  @Query(() => AccountEventConnection, {
    description:
      'Account events (every webhook field besides messages, and unreadable webhook parts), newest first.',
  })
  async accountEvents(@Args() { kind, first, after }: AccountEventsArgs): Promise<AccountEventConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput('first', `first must be from 1 to ${MAX_PAGE_SIZE}.`);
    }
    try {
      const page = await this.events.list(kind ?? null, first, after ?? null);
      const nodes = page.records.map(toAccountEvent);
      return {
        nodes,
        edges: nodes.map((node) => ({ node, cursor: node.cursor })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    } catch (error) {
      if (error instanceof InvalidAccountEventCursorError) throw badInput('after', error.message);
      throw error;
    }
  }

  @FieldResolver(() => String, { description: 'One line a person understands, in the given language.' })
  summary(
    @Root() event: AccountEventView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the line.' })
    locale: Locale,
  ): string {
    return summariseAccountEvent(accountEventEvidence(event.record), locale);
  }

  @FieldResolver(() => DiagnosisType, {
    nullable: true,
    description:
      'What it means for sending and what to do, where that applies (a paused or disabled template, a quality drop, a limit change, an account restriction, an error such as 130429); null otherwise.',
  })
  diagnosis(
    @Root() event: AccountEventView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
  ): Diagnosis | null {
    return diagnoseAccountEvent(accountEventEvidence(event.record), locale);
  }
}
