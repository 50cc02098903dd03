import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "Meta's rejection of a send, as Meta reported it. Ask `diagnosis` for what it means and what to do.",
})
export class UpstreamError {
  @Field(() => Int, { nullable: true, description: "The HTTP status of Meta's answer." })
  httpStatus!: number | null;

  @Field(() => Int, { description: 'The Cloud API error code.' })
  code!: number;

  @Field(() => Int, { nullable: true, description: 'The error subcode, when Meta gave one.' })
  subcode!: number | null;

  @Field(() => String, { nullable: true, description: 'The error type, for example `OAuthException`.' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'A short title for the error.' })
  title!: string | null;

  @Field({ description: "Meta's message." })
  message!: string;

  @Field(() => String, { nullable: true, description: 'Details, often naming the parameter at fault.' })
  details!: string | null;

  @Field(() => String, { nullable: true, description: "Meta's trace id: quote it to Meta's support." })
  fbtraceId!: string | null;
}
