import { Field, ObjectType } from 'type-graphql';
import { Message } from './message.type';

@ObjectType({ description: 'A message in a page of results.' })
export class MessageEdge {
  @Field({ description: 'Pass as `after` to continue after this message.' })
  cursor!: string;

  @Field(() => Message, { description: 'The message.' })
  node!: Message;
}

@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether more messages follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last message of this page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of messages, newest first.' })
export class MessageConnection {
  @Field(() => [MessageEdge], { description: 'The messages of this page with their cursors.' })
  edges!: MessageEdge[];

  @Field(() => [Message], { description: 'The messages of this page, without cursors.' })
  nodes!: Message[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}
