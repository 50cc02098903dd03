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
 * Meta's troubleshooting page, country restrictions:
 * 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)的 WhatsApp Messenger(WhatsApp)和
 * WhatsApp Business 應用程式用戶不符資格,無法接收透過 WhatsApp Business 平台傳送的訊息。」 (WhatsApp users in
 * Cuba, Iran, North Korea, Syria and the three sanctioned regions of Ukraine cannot receive messages sent
 * through the platform) and
 * 「自 2024 年 5 月 15 日起,土耳其不再受到雲端 API 商務式訊息傳送功能的限制。」 (since 15 May 2024 Turkey is no
 * longer restricted). Judged at the message's creation (or now, before a send). A message already
 * delivered proves otherwise, so the rule stays silent then.
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
