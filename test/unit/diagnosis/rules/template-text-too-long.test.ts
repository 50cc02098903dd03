import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateTextTooLongRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132005: the translated (filled-in) text is too long. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateTextTooLongRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateTextTooLongRule, evidence);
const CODE = 132005;

describe('template-text-too-long rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-text-too-long',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.TEXT_TOO_LONG,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

  it('gives the rendered length when the gateway measured it', () => {
    const template = templateEvidence({ sent: { renderedLength: 1100 } });
    expect(finding({ sendError: rejectedSend(CODE), template }).facts).toContainEqual({
      id: 'fact.template.renderedLength',
      params: { length: 1100 },
    });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
