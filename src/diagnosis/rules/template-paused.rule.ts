import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { pauseFacts, secondsUntilUnpaused } from '../templates/template-facts';
import { TemplateFailure } from '../templates/template-failure';
import { type DiagnosisRule } from './rule';
import { templateFinding } from './template-finding';

const NAME = 'template-paused';
const CODE = 132015;

/**
 * Meta's 132015, “Template is Paused”: its quality dropped to the lowest rating. Meta's template guidelines:
 * 3 hours the first time, 6 hours the second, disabled the third. With `pausedUntil` ahead of the clock the
 * send can succeed then: retryable after the time left, which the merged finding takes from this one.
 */
export const templatePausedRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const template = evidence.template;
    const facts = template ? pauseFacts(template, evidence.now) : [];
    const seconds = secondsUntilUnpaused(template, evidence.now);
    const retry =
      seconds === null
        ? { retryable: false, retryAfterSeconds: null }
        : { retryable: true, retryAfterSeconds: seconds };
    return templateFinding(NAME, evidence, CODE, TemplateFailure.PAUSED, facts, retry);
  },
};
