import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Who refused a send. */
export enum ErrorDetector {
  GATEWAY = 'GATEWAY',
  META = 'META',
}

registerEnumType(ErrorDetector, {
  name: 'ErrorDetector',
  description: 'Who refused a send: the gateway’s own check before any upstream call, or Meta.',
  valuesConfig: {
    GATEWAY: {
      description:
        'The gateway’s check, before the send reached Meta; the code is the one Meta would have answered.',
    },
    META: { description: 'Meta’s answer to the send.' },
  },
});

@ObjectType({
  description:
    "The rejection of a send, as Meta reported it (or as the gateway's own check foresaw it: see `detectedBy`). Ask `diagnosis` for what it means and what to do.",
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
