import { ArgsType, Field, Int } from 'type-graphql';
import { customerIdProblem, decodePageCursor, InvalidPageCursorError } from '../store-kit';
import { badInput } from './gateway-error';

/** The arguments and argument checks several resolvers share. */

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
