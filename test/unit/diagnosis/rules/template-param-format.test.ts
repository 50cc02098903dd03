import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateParamFormatRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132012: `header: Format mismatch, expected IMAGE, received UNKNOWN` (whatomate#223). */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamFormatRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamFormatRule, evidence);
const CODE = 132012;

describe('template-param-format rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-param-format',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.PARAMETER_FORMAT,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

  const imageHeader = (sent: { headerType?: string }) =>
    templateEvidence({ parameters: [{ component: 'HEADER', kind: 'IMAGE' }], sent });

  it('says the media header was not sent', () => {
    expect(finding({ sendError: rejectedSend(CODE), template: imageHeader({}) }).facts).toContainEqual({
      id: 'fact.template.headerMissing',
      params: { expected: 'IMAGE' },
    });
  });

  it('says what was sent instead', () => {
    expect(
      finding({ sendError: rejectedSend(CODE), template: imageHeader({ headerType: 'TEXT' }) }).facts,
    ).toContainEqual({ id: 'fact.template.headerGiven', params: { expected: 'IMAGE', given: 'TEXT' } });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
