import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { countMismatchFacts, expectsFact } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-param-count';
const CODE = 132000;

/**
 * Meta's 132000, “Template Param Count Mismatch”: the number of parameter values does not match the
 * template, counted per component (`body: number of localizable_params (1) does not match the expected
 * number of params (2)`). With the template's parameters and the send's counts, each component that is
 * off gets a line: expected N in BODY, got M.
 */
export const templateParamCountRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const facts = template ? [...countMismatchFacts(template), ...expectsFact(template)] : [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PARAMETER_COUNT, facts);
  },
};
