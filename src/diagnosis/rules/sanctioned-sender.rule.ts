import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { momentOf } from '../message-view';
import { checkRecipientRegion } from '../region-check';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'sanctioned-sender';

const STRENGTH_BY_CERTAINTY = {
  certain: Strength.SANCTIONED_CERTAIN,
  likely: Strength.SANCTIONED_LIKELY,
  possible: Strength.SANCTIONED_POSSIBLE,
} as const;

/**
 * Seed, "Country restrictions": businesses in Cuba, Iran, North Korea, Syria and the Crimea, Donetsk and
 * Luhansk regions are not eligible for the platform. A sender number there means the account itself is
 * restricted, whoever the customer is.
 */
export const sanctionedSenderRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    if (evidence.sender === undefined) return [];
    const check = checkRecipientRegion(evidence.sender, momentOf(evidence));
    if (!check.restricted || check.place === null) return [];
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.ACCOUNT_RESTRICTED,
        verdict: Verdict.FAILED,
        strength: STRENGTH_BY_CERTAINTY[check.certainty],
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.region.sender',
            params: {
              number: evidence.sender,
              place: { text: `place.${check.place}` },
              certainty: { text: `certainty.${check.certainty}` },
            },
          },
        ],
      },
    ];
  },
};
