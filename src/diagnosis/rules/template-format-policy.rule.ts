import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { categoryFacts, quotedText } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-format-policy';
const CODE = 132007;

/**
 * Meta's 132007, “Template Format Character Policy Violated”: the content breaks a WhatsApp policy. A
 * content judgement the gateway cannot make before the send; the category and the refused text, when
 * known, help the business see what was judged.
 */
export const templateFormatPolicyRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const text = template?.sent?.offendingText;
    const facts = [
      ...(template ? categoryFacts(template) : []),
      ...(text !== undefined
        ? [{ id: 'fact.template.offendingText' as const, params: { text: quotedText(text) } }]
        : []),
    ];
    return templateFinding(NAME, evidence, CODE, TemplateFailure.FORMAT_POLICY, facts);
  },
};
