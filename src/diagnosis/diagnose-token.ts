import { type Diagnosis } from './diagnosis';
import { diagnose } from './diagnose';
import { type TokenDebugEvidence } from './evidence';
import { type Locale } from './locale';

/**
 * The diagnosis of an access token from its `debug_token` answer: invalid, expired (and when), missing
 * which of the two permissions, expiring soon, or fine. `now` (epoch ms) decides expiry.
 */
export function diagnoseToken(tokenDebug: TokenDebugEvidence, now: number, locale: Locale): Diagnosis {
  return diagnose({ now, tokenDebug }, locale);
}
