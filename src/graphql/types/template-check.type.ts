import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TemplateComponent, TemplateProblemSeverity } from '../../templates';

registerEnumType(TemplateProblemSeverity, {
  name: 'TemplateProblemSeverity',
  description: 'How much a problem of a template send matters.',
  valuesConfig: {
    REFUSE: { description: 'Meta would refuse the send: `sendMessage` does not send it.' },
    WARN: { description: 'Meta may accept it, but the caller should know (it is sent regardless).' },
  },
});

@ObjectType({ description: 'One thing the gateway found wrong with a template send, before sending it.' })
export class TemplateProblem {
  @Field(() => TemplateProblemSeverity, { description: 'Whether it stops the send.' })
  severity!: TemplateProblemSeverity;

  @Field(() => Int, {
    nullable: true,
    description:
      'The Meta error code the send would get (132000, 132001, 132012, 132015, 132016, 132018, 131008, 100, …); null for a warning no Meta code stands for (low quality).',
  })
  code!: number | null;

  @Field(() => TemplateComponent, { nullable: true, description: 'The component the problem is in.' })
  component!: TemplateComponent | null;

  @Field({ description: 'What is wrong, in English.' })
  message!: string;
}

@ObjectType({ description: 'What the gateway’s check of a template send found, without sending it.' })
export class TemplateCheck {
  @Field({ description: 'Whether no problem would stop the send (warnings allowed).' })
  ok!: boolean;

  @Field(() => [TemplateProblem], {
    description: 'Everything found, refusals first as Meta would check them.',
  })
  problems!: TemplateProblem[];

  @Field(() => String, {
    nullable: true,
    description:
      'The header text and body as the customer would see them, parameters filled in; null for a template the gateway does not know.',
  })
  preview!: string | null;
}
