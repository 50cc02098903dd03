import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateFormatPolicyRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, onlyFinding, rejectedSend, templateEvidence } from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132007: the content violates a WhatsApp format character policy. */

const expectFindings = (evidence: Partial<Evidence>) =>
  expectRuleFindings(templateFormatPolicyRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateFormatPolicyRule, evidence);
const CODE = 132007;

describe('template-format-policy rule', () => {
  itExplainsTheCodeAlone(templateFormatPolicyRule, CODE, TemplateFailure.FORMAT_POLICY);

  it('shows the category and the refused text', () => {
    const template = templateEvidence({ category: 'MARKETING', sent: { offendingText: 'WIN $$$' } });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found.facts).toContainEqual({ id: 'fact.template.category', params: { category: 'MARKETING' } });
    expect(found.facts).toContainEqual({ id: 'fact.template.offendingText', params: { text: '"WIN $$$"' } });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
