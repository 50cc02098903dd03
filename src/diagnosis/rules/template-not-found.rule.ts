import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { otherLanguageFacts, rejectionFacts } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-not-found';
const CODE = 132001;

/**
 * Meta's 132001, “Template does not exist”: no approved template of that name in that language. The
 * template's status says whether it exists but is not approved (pending, rejected and why); the other
 * languages of the same name say which one to pick instead.
 */
export const templateNotFoundRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const facts = template ? [...rejectionFacts(template), ...otherLanguageFacts(template)] : [];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.NOT_FOUND, facts);
  },
};
