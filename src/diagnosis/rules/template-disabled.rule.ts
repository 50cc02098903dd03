import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { qualityFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-disabled';
const CODE = 132016;

/**
 * Meta's 132016, “Template is Disabled”: paused for low quality too many times. Nothing brings it back;
 * the status line says since when, the quality line why.
 */
export const templateDisabledRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const facts = template ? qualityFacts(template) : [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.DISABLED, facts);
  },
};
