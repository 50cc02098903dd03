import { type Diagnosis } from './diagnosis';
import { diagnose } from './diagnose';
import { type HealthEvidence } from './evidence';
import { type Locale } from './locale';

/**
 * The diagnosis of a phone number's (or account's) `health_status`: AVAILABLE is OK; LIMITED is AT_RISK
 * and BLOCKED is FAILED, with the cause taken from the entities' errors and each error listed as evidence.
 */
export function diagnoseHealth(health: HealthEvidence, locale: Locale): Diagnosis {
  // Health does not depend on the clock; 0 keeps the function pure without asking the caller for a time.
  return diagnose({ now: 0, health }, locale);
}
