import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { TemplateCategory, TemplateParameterFormat } from '../../templates';
import '../types/template.type';

@InputType({
  description: 'A template to submit to Meta for review, as `POST /{waba-id}/message_templates` takes it.',
})
export class CreateTemplateInput {
  @Field({ description: 'Lowercase letters, digits and `_`, at most 512 characters.' })
  name!: string;

  @Field({ description: 'Its language code (`en_US`, …).' })
  language!: string;

  @Field(() => TemplateCategory, { description: '`MARKETING`, `UTILITY` or `AUTHENTICATION`.' })
  category!: TemplateCategory;

  @Field(() => TemplateParameterFormat, {
    nullable: true,
    description: 'How its placeholders are named; positional when omitted.',
  })
  parameterFormat?: TemplateParameterFormat | null;

  @Field(() => [GraphQLJSONObject], { description: 'Its components, as Meta defines them.' })
  components!: Array<Record<string, unknown>>;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Lets Meta assign another category instead of rejecting the template.',
  })
  allowCategoryChange?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The business account; the configured one when omitted.' })
  businessAccountId?: string | null;
}
