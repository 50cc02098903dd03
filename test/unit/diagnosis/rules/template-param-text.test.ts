import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateParamTextRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  factIds,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132018: `Param text cannot have new-line/tab characters or more than 4 consecutive spaces`. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateParamTextRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateParamTextRule, evidence);
const CODE = 132018;

describe('template-param-text rule', () => {
  itExplainsTheCodeAlone(templateParamTextRule, CODE, TemplateFailure.PARAMETER_TEXT);

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
