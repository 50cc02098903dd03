import { type TemplateFailure, Verdict } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { type DiagnosisRule } from '../../../../src/diagnosis/rules/rule';
import { failedMessage, onlyFinding, rejectedSend } from '../diagnosis-harness';

/**
 * The case every 1320xx template rule shares: Meta's code alone (a refused send, or a failed status)
 * brings the failure's own wording, as a failure, ranked above the catalogue's finding.
 */
export function itExplainsTheCodeAlone(rule: DiagnosisRule, code: number, failure: TemplateFailure): void {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(onlyFinding(rule, { sendError: rejectedSend(code) })).toMatchObject({
      rule: rule.name,
      code,
      verdict: Verdict.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: failure,
    });
    expect(onlyFinding(rule, { message: failedMessage([{ code }]) }).code).toBe(code);
  });
}
