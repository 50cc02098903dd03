import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { countMismatchFacts, expectsFact, headerFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-param-missing';
const CODE = 131008;

/**
 * Meta's 131008, “Required parameter is missing”, on a template send: a variable, a media header's link,
 * a button's suffix, code or password was left out. Any message can get 131008, so the rule speaks only
 * when the evidence names the template; the catalogue's generic finding stays for other messages.
 */
export const templateParamMissingRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    if (!template) return [];
    const facts = [...countMismatchFacts(template), ...headerFacts(template), ...expectsFact(template)];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PARAMETER_MISSING, facts);
  },
};
