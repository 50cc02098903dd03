import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateFormatPolicyRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132007: the content violates a WhatsApp format character policy. */

const expectFindings = (evidence: Partial<Evidence>) =>
  expectRuleFindings(templateFormatPolicyRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateFormatPolicyRule, evidence);
const CODE = 132007;

describe('template-format-policy rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-format-policy',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.FORMAT_POLICY,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

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
