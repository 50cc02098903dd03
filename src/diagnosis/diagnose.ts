import { composeDiagnosis } from './compose-diagnosis';
import { type Diagnosis } from './diagnosis';
import { DiagnosisCause } from './diagnosis-cause';
import { type Evidence } from './evidence';
import { type Finding } from './finding';
import { type Locale } from './locale';
import { DIAGNOSIS_RULES } from './rules';
import { Verdict } from './verdict';

/** Below every real finding: only wins when nothing else was found. */
const FALLBACK_STRENGTH = 1;

/**
 * Diagnoses one message (or one refused send) from its evidence, in `locale`. Pure: the clock is
 * `evidence.now`. Never throws: a rule that cannot evaluate odd evidence is skipped and named in the
 * evidence, and no evidence at all gives an UNKNOWN diagnosis that says so.
 */
export function diagnose(evidence: Evidence, locale: Locale): Diagnosis {
  const findings = DIAGNOSIS_RULES.flatMap((rule): Finding[] => {
    try {
      return rule.apply(evidence);
    } catch {
      return [fallback(rule.name, [{ id: 'fact.ruleFailed', params: { rule: rule.name } }], false)];
    }
  });
  return composeDiagnosis(
    findings.length > 0 ? findings : [fallback('none', [{ id: 'fact.noEvidence' }], true)],
    locale,
  );
}

function fallback(rule: string, facts: Finding['facts'], nothingGiven: boolean): Finding {
  return {
    rule,
    cause: DiagnosisCause.UNKNOWN,
    verdict: Verdict.UNKNOWN,
    strength: FALLBACK_STRENGTH,
    retryable: false,
    retryAfterSeconds: null,
    facts,
    ...(nothingGiven
      ? {
          headline: {
            title: 'headline.noEvidence.title',
            explanation: 'headline.noEvidence.explanation',
          } as const,
        }
      : {}),
  };
}
