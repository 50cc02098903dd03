import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateTextTooLongRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, onlyFinding, rejectedSend, templateEvidence } from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132005: the translated (filled-in) text is too long. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateTextTooLongRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateTextTooLongRule, evidence);
const CODE = 132005;

describe('template-text-too-long rule', () => {
  itExplainsTheCodeAlone(templateTextTooLongRule, CODE, TemplateFailure.TEXT_TOO_LONG);

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
