import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templatePausedRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  factIds,
  HOUR,
  NOW,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132015, with the template guidelines' pauses: 3 h, then 6 h, then disabled. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templatePausedRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templatePausedRule, evidence);
const CODE = 132015;

describe('template-paused rule', () => {
  itExplainsTheCodeAlone(templatePausedRule, CODE, TemplateFailure.PAUSED);

  it('is retryable after the pause’s time left, and says when', () => {
    const template = templateEvidence({ status: 'PAUSED', pausedUntil: NOW + 2 * HOUR, pauseCount: 1 });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found).toMatchObject({ retryable: true, retryAfterSeconds: 7200 });
    expect(found.facts).toContainEqual({
      id: 'fact.template.pausedUntil',
      params: { until: '2025-03-01 02:00 UTC', hours: 2 },
    });
    expect(factIds(found)).toContain('fact.template.pauseCount');
    expect(factIds(found)).not.toContain('fact.template.lastPause');
  });

  it('warns that the second pause is the last before the template is disabled', () => {
    const template = templateEvidence({ status: 'PAUSED', pausedUntil: NOW + HOUR, pauseCount: 2 });
    expect(factIds(finding({ sendError: rejectedSend(CODE), template }))).toContain(
      'fact.template.lastPause',
    );
  });

  it('is not retryable when the end is unknown or past', () => {
    const past = templateEvidence({ status: 'PAUSED', pausedUntil: NOW - HOUR });
    const found = finding({ sendError: rejectedSend(CODE), template: past });
    expect(found).toMatchObject({ retryable: false, retryAfterSeconds: null });
    expect(factIds(found)).toContain('fact.template.pauseOver');
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({ retryable: false });
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
