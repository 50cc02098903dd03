import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateParamFormatRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, onlyFinding, rejectedSend, templateEvidence } from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132012: `header: Format mismatch, expected IMAGE, received UNKNOWN` (whatomate#223). */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamFormatRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamFormatRule, evidence);
const CODE = 132012;

describe('template-param-format rule', () => {
  itExplainsTheCodeAlone(templateParamFormatRule, CODE, TemplateFailure.PARAMETER_FORMAT);

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
