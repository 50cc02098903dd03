import { type Evidence, TemplateFailure } from '../../../../src/diagnosis';
import { templateNotFoundRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, onlyFinding, rejectedSend, templateEvidence } from '../diagnosis-harness';
import { itExplainsTheCodeAlone } from './template-rule-cases';

/* Meta's 132001: the template does not exist in that language, or is not approved. */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(templateNotFoundRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(templateNotFoundRule, evidence);
const CODE = 132001;

describe('template-not-found rule', () => {
  itExplainsTheCodeAlone(templateNotFoundRule, CODE, TemplateFailure.NOT_FOUND);

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
