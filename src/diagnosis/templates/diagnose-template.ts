import { composeDiagnosis } from '../compose-diagnosis';
import { type Diagnosis } from '../diagnosis';
import { DiagnosisCause } from '../diagnosis-cause';
import { type Fact, type Finding, Strength } from '../finding';
import { type Locale } from '../locale';
import { Verdict } from '../verdict';
import { type TemplateEvidence } from './template-evidence';
import {
  categoryFacts,
  identityFacts,
  pauseFacts,
  qualityFacts,
  rejectionFacts,
  secondsUntilUnpaused,
  SENDABLE_STATUS,
} from './template-facts';
import { TemplateFailure } from './template-failure';

/** The Meta code a send of a template in each status would get (132001 covers "not approved"). */
const NOT_APPROVED = 132001;
const PAUSED = 132015;
const DISABLED = 132016;

/** Why a template in a status other than APPROVED cannot be sent, and the code a send would get. */
const NOT_SENDABLE: Readonly<Record<string, { failure: TemplateFailure; code: number | null }>> = {
  PENDING: { failure: TemplateFailure.PENDING, code: NOT_APPROVED },
  REJECTED: { failure: TemplateFailure.REJECTED, code: NOT_APPROVED },
  IN_APPEAL: { failure: TemplateFailure.IN_APPEAL, code: NOT_APPROVED },
  PENDING_DELETION: { failure: TemplateFailure.PENDING_DELETION, code: NOT_APPROVED },
  DELETED: { failure: TemplateFailure.DELETED, code: NOT_APPROVED },
  LIMIT_EXCEEDED: { failure: TemplateFailure.LIMIT_EXCEEDED, code: NOT_APPROVED },
  ARCHIVED: { failure: TemplateFailure.ARCHIVED, code: NOT_APPROVED },
  PAUSED: { failure: TemplateFailure.PAUSED, code: PAUSED },
  DISABLED: { failure: TemplateFailure.DISABLED, code: DISABLED },
};

/** Quality ratings that are a warning on a sendable template: at the lowest one Meta pauses it. */
const LOW_QUALITIES = new Set(['YELLOW', 'RED']);

/**
 * Why a template is not sendable, in `locale`: pending review, rejected (with Meta's reason), paused (until
 * when, and that the third pause disables it), disabled, in appeal, deleted or being deleted, over the
 * account's limit, archived, or of an unknown status; an approved template of YELLOW or RED quality gets a
 * warning (AT_RISK). Null when it is approved and nothing is wrong. `now` (epoch ms), when given, turns a
 * pause's end into a wait: retryable after the time left.
 */
export function diagnoseTemplate(template: TemplateEvidence, locale: Locale, now?: number): Diagnosis | null {
  const finding = findingOf(template, now);
  return finding === null ? null : composeDiagnosis([finding], locale);
}

function findingOf(template: TemplateEvidence, now: number | undefined): Finding | null {
  const status = template.status ?? 'UNKNOWN';
  const base = identityFacts({ ...template, status });
  if (status === SENDABLE_STATUS) {
    if (!LOW_QUALITIES.has(template.quality ?? '')) return null;
    return finding(TemplateFailure.LOW_QUALITY, null, Verdict.AT_RISK, [
      ...base,
      ...qualityFacts(template),
      ...pauseFacts({ ...template, pausedUntil: undefined }, now),
    ]);
  }
  const known = NOT_SENDABLE[status];
  if (!known) return finding(TemplateFailure.STATUS_UNKNOWN, null, Verdict.UNKNOWN, base);
  const facts: Fact[] = [...base];
  if (known.failure === TemplateFailure.REJECTED)
    facts.push(...rejectionFacts(template), ...categoryFacts(template));
  if (known.failure === TemplateFailure.PAUSED) facts.push(...pauseFacts(template, now));
  if (known.failure === TemplateFailure.DISABLED) facts.push(...qualityFacts(template));
  const result = finding(known.failure, known.code, Verdict.FAILED, facts);
  const seconds = now === undefined ? null : secondsUntilUnpaused(template, now);
  return known.failure === TemplateFailure.PAUSED && seconds !== null
    ? { ...result, retryable: true, retryAfterSeconds: seconds }
    : result;
}

function finding(failure: TemplateFailure, code: number | null, verdict: Verdict, facts: Fact[]): Finding {
  return {
    rule: 'template',
    cause: DiagnosisCause.TEMPLATE,
    verdict,
    strength: Strength.TEMPLATE_EVIDENCE,
    ...(code !== null ? { code } : {}),
    retryable: false,
    retryAfterSeconds: null,
    facts,
    templateFailure: failure,
  };
}
