import { DiagnosisCause } from '../diagnosis-cause';
import { type Finding, Strength } from '../finding';
import { type PlaceId, type RegionCertainty } from '../knowledge/sanctioned-regions';
import { Verdict } from '../verdict';

/**
 * How much a restricted place weighs, by how sure the number's place is: a country read from the calling
 * code outweighs every error code; a number range that other places share too stays below them.
 */
const STRENGTH_BY_CERTAINTY: Readonly<Record<RegionCertainty, number>> = {
  certain: Strength.SANCTIONED_CERTAIN,
  likely: Strength.SANCTIONED_LIKELY,
  possible: Strength.SANCTIONED_POSSIBLE,
};

/**
 * Which side of the conversation is in the restricted place. A customer there cannot receive
 * (SANCTIONED_REGION); a business there is not eligible for the platform at all (ACCOUNT_RESTRICTED).
 */
export type RegionParty = 'recipient' | 'sender';

const CAUSE_BY_PARTY: Readonly<Record<RegionParty, DiagnosisCause>> = {
  recipient: DiagnosisCause.SANCTIONED_REGION,
  sender: DiagnosisCause.ACCOUNT_RESTRICTED,
};

/**
 * The finding of a number in a restricted place: FAILED and never retryable (the place does not change
 * by waiting), weighed by how sure the place is, with the number, the place and the certainty as its fact.
 */
export function regionFinding(
  rule: string,
  party: RegionParty,
  number: string,
  place: PlaceId,
  certainty: RegionCertainty,
): Finding {
  return {
    rule,
    cause: CAUSE_BY_PARTY[party],
    verdict: Verdict.FAILED,
    strength: STRENGTH_BY_CERTAINTY[certainty],
    retryable: false,
    retryAfterSeconds: null,
    facts: [
      {
        id: `fact.region.${party}`,
        params: { number, place: { text: `place.${place}` }, certainty: { text: `certainty.${certainty}` } },
      },
    ],
  };
}
