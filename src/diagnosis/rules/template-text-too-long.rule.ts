import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-text-too-long';
const CODE = 132005;

/**
 * Meta's 132005, “Template Hydrated Text Too Long”: once the parameters are filled in, the text is longer
 * than Meta allows (1,024 for the body). The rendered length is the gateway's figure, when it has one.
 */
export const templateTextTooLongRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const length = evidence.template?.sent?.renderedLength;
    const facts =
      length !== undefined ? [{ id: 'fact.template.renderedLength' as const, params: { length } }] : [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.TEXT_TOO_LONG, facts);
  },
};
