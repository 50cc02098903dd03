import { Field, Int, ObjectType } from 'type-graphql';
import { DiagnosisCause } from './enums';

@ObjectType({ description: 'A Cloud API error code the gateway knows, and what to do about it.' })
export class ErrorCodeInfo {
  @Field(() => Int, { description: 'The code.' })
  code!: number;

  @Field({ description: "Meta's title for it." })
  title!: string;

  @Field(() => DiagnosisCause, { description: 'The cause the gateway files it under.' })
  cause!: DiagnosisCause;

  @Field({ description: 'Whether the same request can succeed later.' })
  retryable!: boolean;

  @Field({ description: 'What it means, in the requested locale.' })
  description!: string;

  @Field({ description: 'What to do, in the requested locale.' })
  solution!: string;
}

@ObjectType({ description: 'Failed or stuck messages that share a cause.' })
export class FailureBucket {
  @Field(() => DiagnosisCause, { description: 'The cause.' })
  cause!: DiagnosisCause;

  @Field(() => Int, { description: 'How many messages.' })
  count!: number;

  /** The messages of the bucket, newest first; the field resolver slices them. */
  messageIds!: string[];
}
