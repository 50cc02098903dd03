import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { headerFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-param-format';
const CODE = 132012;

/**
 * Meta's 132012, “Template Parameter Format Mismatch” (`header: Format mismatch, expected IMAGE, received
 * UNKNOWN`): most often a media-header template sent without its media. The template's header kind and
 * what the send gave for the header make the line.
 */
export const templateParamFormatRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const facts = template ? headerFacts(template) : [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PARAMETER_FORMAT, facts);
  },
};
