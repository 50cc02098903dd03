import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { nameFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-param-name';
const CODE = 100;
const NAMED = 'NAMED';

/**
 * Meta's 100, “Invalid parameter”, with `Parameter name is missing or empty` for a named template sent
 * without `parameter_name` (pywa#115). Code 100 covers any invalid parameter, so the rule speaks only for a
 * template known to be NAMED; the names it expects and those the send gave make the lines.
 */
export const templateParamNameRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    if (template?.parameterFormat !== NAMED) return [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PARAMETER_NAME_MISSING, nameFacts(template));
  },
};
