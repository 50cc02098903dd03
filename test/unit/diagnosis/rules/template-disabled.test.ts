import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateDisabledRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  HOUR,
  NOW,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132016: the template is disabled (paused too many times). */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateDisabledRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateDisabledRule, evidence);
const CODE = 132016;

describe('template-disabled rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-disabled',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.DISABLED,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

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
