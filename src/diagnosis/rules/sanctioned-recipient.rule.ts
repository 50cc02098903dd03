import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { formatDate } from '../format';
import { hasReached, momentOf, recipientOf } from '../message-view';
import { checkRecipientRegion } from '../region-check';
import { Verdict } from '../verdict';
import { regionFinding } from './region-finding';
import { type DiagnosisRule } from './rule';

const NAME = 'sanctioned-recipient';

/**
 * Seed, "Country restrictions": WhatsApp users in Cuba, Iran, North Korea, Syria and the Crimea, Donetsk
 * and Luhansk regions cannot receive platform messages; Turkey is no longer restricted since 2024-05-15.
 * Judged at the message's creation (or now, before a send). A message already delivered proves otherwise,
 * so the rule stays silent then.
 */
export const sanctionedRecipientRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const number = recipientOf(evidence);
    if (number === undefined || (evidence.message && hasReached(evidence.message))) return [];
    const check = checkRecipientRegion(number, momentOf(evidence));
    if (check.place === null) return [];
    if (!check.restricted) {
      // The restriction was lifted (Turkey): worth saying, so nobody blames the country.
      return [
        {
          rule: NAME,
          cause: DiagnosisCause.NONE,
          verdict: Verdict.OK,
          strength: Strength.BACKGROUND,
          retryable: false,
          retryAfterSeconds: null,
          facts: [
            {
              id: 'fact.region.lifted',
              params: {
                number,
                place: { text: `place.${check.place}` },
                date: formatDate(check.liftedAt ?? momentOf(evidence)),
              },
            },
          ],
        },
      ];
    }
    return [regionFinding(NAME, 'recipient', number, check.place, check.certainty)];
  },
};
