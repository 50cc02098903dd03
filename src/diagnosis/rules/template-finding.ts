import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { findErrorCode } from '../knowledge/error-catalog';
import { allErrorCodes } from '../message-view';
import { identityFacts } from '../templates/template-facts';
import { type TemplateFailure } from '../templates/template-failure';
import { Verdict } from '../verdict';

/**
 * The finding of a template rule when `code` is among the evidence's errors (the refused send, or a failed
 * status): the failure's own wording, and the template's facts after the identity lines. It has the same
 * cause and code as the catalogue's finding for the code, so the two merge into one; being stronger, it
 * sets the retry advice. Without template evidence it still brings the failure's wording.
 */
export function templateFinding(
  rule: string,
  evidence: Evidence,
  code: number,
  failure: TemplateFailure,
  facts: Fact[],
  retry: Pick<Finding, 'retryable' | 'retryAfterSeconds'> = { retryable: false, retryAfterSeconds: null },
): Finding[] {
  if (!allErrorCodes(evidence).includes(code)) return [];
  return [
    {
      rule,
      cause: findErrorCode(code)?.cause ?? DiagnosisCause.TEMPLATE,
      verdict: Verdict.FAILED,
      strength: Strength.TEMPLATE_EVIDENCE,
      code,
      ...retry,
      facts: [...identityFacts(evidence.template), ...facts],
      templateFailure: failure,
    },
  ];
}
