import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An error Meta attached to a `failed` status.' })
export class MessageError {
  @Field(() => Int, { description: 'The Cloud API error code, for example 131026.' })
  code!: number;

  @Field(() => String, { nullable: true, description: "Meta's title for the code." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Meta's message." })
  message?: string | null;

  @Field(() => String, { nullable: true, description: 'Details, often naming the parameter at fault.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: "Meta's documentation page for the code." })
  href?: string | null;
}
