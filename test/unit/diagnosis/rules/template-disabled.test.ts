import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateDisabledRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  HOUR,
  NOW,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132016: the template is disabled (paused too many times). */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateDisabledRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateDisabledRule, evidence);
const CODE = 132016;

describe('template-disabled rule', () => {
  itExplainsTheCodeAlone(templateDisabledRule, CODE, TemplateFailure.DISABLED);

  it('says since when and the quality', () => {
    const template = templateEvidence({ status: 'DISABLED', statusChangedAt: NOW - HOUR, quality: 'RED' });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found.facts).toEqual([
      {
        id: 'fact.template.status',
        params: { template: 'order_update (en_US)', status: 'DISABLED', since: '2025-02-28 23:00 UTC' },
      },
      { id: 'fact.template.quality', params: { quality: 'RED' } },
    ]);
    expect(found.retryable).toBe(false);
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
