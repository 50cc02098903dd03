import { Field, Int, ObjectType } from 'type-graphql';
import { DiagnosisCause, Locale, Verdict } from './enums';

@ObjectType({ description: 'A link to read more, titled in the requested locale.' })
export class Link {
  @Field({ description: 'What the page is about.' })
  title!: string;

  @Field({ description: 'Where it is.' })
  url!: string;
}

@ObjectType({
  description:
    'Why a message (or a token, a phone number, an error code) is in the state it is, in plain words: ' +
    'what most likely happened, what the business can do, and what to ask the customer through another channel.',
})
export class Diagnosis {
  @Field(() => Verdict, { description: 'The short answer.' })
  verdict!: Verdict;

  @Field(() => DiagnosisCause, { description: 'The strongest cause found.' })
  cause!: DiagnosisCause;

  @Field(() => Int, {
    nullable: true,
    description: 'The Cloud API error code behind the cause, when there is one.',
  })
  code!: number | null;

  @Field({ description: 'One line for a list view.' })
  title!: string;

  @Field({ description: 'What most likely happened, in a few sentences.' })
  explanation!: string;

  @Field(() => [String], { description: 'Every cause that fits the evidence, most likely first.' })
  possibleCauses!: string[];

  @Field(() => [String], { description: 'What the business can do.' })
  solutions!: string[];

  @Field(() => [String], {
    description: 'What to ask the WhatsApp user through another channel (email, SMS, a call).',
  })
  endUserSteps!: string[];

  @Field({ description: 'Whether sending the same message again can succeed.' })
  retryable!: boolean;

  @Field(() => Int, { nullable: true, description: 'How long to wait before retrying, when that is known.' })
  retryAfterSeconds!: number | null;

  @Field(() => [Link], { description: 'Where to read more.' })
  links!: Link[];

  @Field(() => [String], {
    description: 'The facts the diagnosis used, including weaker findings that lost.',
  })
  evidence!: string[];

  @Field(() => Locale, { description: 'The language of the texts.' })
  locale!: Locale;
}
