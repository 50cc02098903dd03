import { DiagnosisCause as C, type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateParamMissingRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 131008, on a template send: a required parameter is missing. */

const expectFindings = (evidence: Partial<Evidence>) =>
  expectRuleFindings(templateParamMissingRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamMissingRule, evidence);
const CODE = 131008;

describe('template-param-missing rule', () => {
  it('speaks only for a template send: the code alone is any message’s', () => {
    expectFindings({ sendError: rejectedSend(CODE) }).toEqual([]);
    expect(finding({ sendError: rejectedSend(CODE), template: templateEvidence() })).toMatchObject({
      rule: 'template-param-missing',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.PARAMETER_MISSING,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]), template: templateEvidence() }).code).toBe(
      CODE,
    );
  });

  it('lists what the template expects and what is short', () => {
    const template = templateEvidence({
      parameters: [
        { component: 'BODY', position: 1, kind: 'TEXT' },
        { component: 'BUTTON', buttonIndex: 0, position: 1, kind: 'URL' },
      ],
      sent: { counts: { BODY: 1 } },
    });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found.cause).toBe(C.INVALID_REQUEST);
    expect(found.facts).toContainEqual({
      id: 'fact.template.countMismatch',
      params: { component: 'BUTTON', expected: 1, given: 0 },
    });
    expect(found.facts).toContainEqual({
      id: 'fact.template.expects',
      params: { parameters: 'BODY #1, BUTTON[0] #1 URL' },
    });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
