import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Diagnosis, diagnoseTemplate, Locale } from '../../diagnosis';
import { evidenceOfTemplate } from '../mappers/template-evidence';
import { type TemplateView } from '../mappers/template';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { Template } from '../types/template.type';

/**
 * `Template.diagnosis`, beside the template resolver: why the template cannot be sent and when it can
 * be again. `sendable` is true exactly when this is null or only a warning (approved, low quality).
 */
@Resolver(() => Template)
export class TemplateDiagnosisResolver {
  constructor(private readonly clock: () => number) {}

  @FieldResolver(() => DiagnosisType, {
    nullable: true,
    description:
      'Why it cannot be sent (pending, rejected and why, paused until when, disabled, …) and when it can be again; a warning for an approved template of low quality; null when nothing is wrong.',
  })
  diagnosis(
    @Root() template: TemplateView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
  ): Diagnosis | null {
    return diagnoseTemplate(evidenceOfTemplate(template.record), locale, this.clock());
  }
}
