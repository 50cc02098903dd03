import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { textProblemFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-param-text';
const CODE = 132018;

/**
 * Meta's 132018, “There is an issue with the parameters in your template”, whose details say `Param text
 * cannot have new-line/tab characters or more than 4 consecutive spaces`. The refused text, quoted so that
 * its new lines and tabs show, and which of the three it has.
 */
export const templateParamTextRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const facts = textProblemFacts(evidence.template?.sent?.offendingText);
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PARAMETER_TEXT, facts);
  },
};
