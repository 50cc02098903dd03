import { DiagnosisCause as C, type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateParamCountRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  factIds,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132000: `body: number of localizable_params (1) does not match the expected number of params (2)`. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamCountRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamCountRule, evidence);
const CODE = 132000;

describe('template-param-count rule', () => {
  itExplainsTheCodeAlone(templateParamCountRule, CODE, TemplateFailure.PARAMETER_COUNT);

  it('says per component how many the template expects and how many the send gave', () => {
    const template = templateEvidence({ sent: { counts: { BODY: 1, HEADER: 0 } } });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found.cause).toBe(C.TEMPLATE);
    expect(found.facts).toContainEqual({
      id: 'fact.template.countMismatch',
      params: { component: 'BODY', expected: 2, given: 1 },
    });
    expect(found.facts).toContainEqual({
      id: 'fact.template.expects',
      params: { parameters: 'BODY #1, BODY #2' },
    });
    expect(factIds(found)).toEqual([
      'fact.template.statusNow',
      'fact.template.countMismatch',
      'fact.template.expects',
    ]);
  });

  it('names a component the template has no parameter in', () => {
    const template = templateEvidence({ sent: { counts: { BODY: 2, HEADER: 1 } } });
    expect(finding({ sendError: rejectedSend(CODE), template }).facts).toContainEqual({
      id: 'fact.template.countMismatch',
      params: { component: 'HEADER', expected: 0, given: 1 },
    });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
