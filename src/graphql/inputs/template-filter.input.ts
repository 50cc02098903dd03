import { Field, ID, InputType } from 'type-graphql';
import { TemplateCategory, TemplateStatus } from '../../templates';
import '../types/template.type';

@InputType({ description: 'Which templates to list; every condition given must hold.' })
export class TemplateFilter {
  @Field(() => [TemplateStatus], { nullable: true, description: 'Only these statuses.' })
  status?: TemplateStatus[] | null;

  @Field(() => [TemplateCategory], { nullable: true, description: 'Only these categories.' })
  category?: TemplateCategory[] | null;

  @Field(() => String, { nullable: true, description: 'Only templates of this exact name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Only templates in this language (`en_US`, …).' })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this business account’s templates.' })
  businessAccountId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only templates that can (true) or cannot (false) be sent now.',
  })
  sendable?: boolean | null;
}
