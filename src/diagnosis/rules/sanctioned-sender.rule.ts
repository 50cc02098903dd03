import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { momentOf } from '../message-view';
import { checkRecipientRegion } from '../region-check';
import { regionFinding } from './region-finding';
import { type DiagnosisRule } from './rule';

const NAME = 'sanctioned-sender';

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
    return [regionFinding(NAME, 'sender', evidence.sender, check.place, check.certainty)];
  },
};
