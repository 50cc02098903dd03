import { type Evidence, TemplateFailure, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { templateNotFoundRule } from '../../../../src/diagnosis/rules';
import {
  expectRuleFindings,
  failedMessage,
  onlyFinding,
  rejectedSend,
  templateEvidence,
} from '../diagnosis-harness';

/* Meta's 132001: the template does not exist in that language, or is not approved. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateNotFoundRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateNotFoundRule, evidence);
const CODE = 132001;

describe('template-not-found rule', () => {
  it('brings the failure’s wording for Meta’s code, even without template evidence', () => {
    expect(finding({ sendError: rejectedSend(CODE) })).toMatchObject({
      rule: 'template-not-found',
      code: CODE,
      verdict: V.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      templateFailure: TemplateFailure.NOT_FOUND,
    });
    expect(finding({ message: failedMessage([{ code: CODE }]) }).code).toBe(CODE);
  });

  it('names the other languages of the same name, and Meta’s rejection reason', () => {
    const template = templateEvidence({
      status: 'REJECTED',
      rejectedReason: 'INVALID_FORMAT',
      otherLanguages: ['en', 'pt_BR'],
    });
    const found = finding({ sendError: rejectedSend(CODE), template });
    expect(found.facts).toContainEqual({
      id: 'fact.template.otherLanguages',
      params: { languages: 'en, pt_BR' },
    });
    expect(found.facts).toContainEqual({
      id: 'fact.template.rejectedReason',
      params: { reason: 'INVALID_FORMAT' },
    });
  });

  it('says when the gateway does not know the template at all', () => {
    const found = finding({ sendError: rejectedSend(CODE), template: { name: 'nope', language: 'en' } });
    expect(found.facts).toEqual([{ id: 'fact.template.unknown', params: { template: 'nope (en)' } }]);
  });

  it('finds nothing without its code', () => {
    expectFindings({ template: templateEvidence() }).toEqual([]);
    expectFindings({ sendError: rejectedSend(131026), template: templateEvidence() }).toEqual([]);
  });
});
