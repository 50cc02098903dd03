import { type Evidence } from '../evidence';
import { type Finding } from '../finding';

/**
 * A diagnosis rule: a pure function of the evidence (the clock is `evidence.now`) that returns zero or
 * more findings. Rules do not know each other; the registry order only breaks ties.
 */
export interface DiagnosisRule {
  /** Kebab-case, as the file is named; shown when a rule cannot be evaluated. */
  readonly name: string;
  apply(evidence: Evidence): Finding[];
}
