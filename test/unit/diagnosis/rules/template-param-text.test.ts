import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateParamTextRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  factIds,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132018: `Param text cannot have new-line/tab characters or more than 4 consecutive spaces`. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamTextRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamTextRule, evidence);
const CODE = 132018;

describe('template-param-text rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-param-text',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.PARAMETER_TEXT,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

  it('quotes the refused text and says which of the three it has', () => {
    const template = templateEvidence({
      detectedBy: 'GATEWAY',
      sent: { component: 'BODY', offendingText: 'a\nb\tc     d' },
    });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(factIds(found)).toEqual([
      'fact.template.statusNow',
      'fact.template.detectedByGateway',
      'fact.template.component',
      'fact.template.text.newline',
      'fact.template.text.tab',
      'fact.template.text.spaces',
    ]);
    expect(found.facts).toContainEqual({
      id: 'fact.template.text.newline',
      params: { text: '"a\\nb\\tc     d"' },
    });
  });

  it('shows the text as given when none of the three is in it', () => {
    const template = templateEvidence({ sent: { offendingText: 'fine' } });
    expect(factIds(finding({ sendError: rejectedSend(CODE), template }))).toContain(
      'fact.template.offendingText',
    );
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
