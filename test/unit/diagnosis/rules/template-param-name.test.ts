import { DiagnosisCause as C, type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateParamNameRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  factIds,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 100 with `Parameter name is missing or empty`: a named template sent without parameter_name (pywa#115). */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamNameRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamNameRule, evidence);
const CODE = 100;

describe('template-param-name rule', () => {
  const named = templateEvidence({
    parameterFormat: 'NAMED',
    parameters: [
      { component: 'BODY', name: 'first_name', kind: 'TEXT' },
      { component: 'BODY', name: 'order_id', kind: 'TEXT' },
    ],
    sent: { names: [] },
  });

  it('speaks only for a template send: the code alone is any message’s', () => {
    expectFindings({ sendError: rejectedSend(CODE) }).toEqual([]);
    expect(finding({ sendError: rejectedSend(CODE), template: named })).toMatchObject({
      rule: 'template-param-name',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.PARAMETER_NAME_MISSING,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]), template: named }).code).toBe(CODE);
  });

  it('names the parameters the template expects and those the send gave', () => {
    const found = finding({ sendError: rejectedSend(CODE), template: named });
    expect(found.cause).toBe(C.INVALID_REQUEST);
    expect(found.facts).toContainEqual({
      id: 'fact.template.named',
      params: { names: 'first_name, order_id' },
    });
    expect(factIds(found)).toContain('fact.template.namesNone');
  });

  it('finds nothing for a positional template', () => {
    expectFindings({ sendError: rejectedSend(CODE), template: templateEvidence() }).toEqual([]);
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
