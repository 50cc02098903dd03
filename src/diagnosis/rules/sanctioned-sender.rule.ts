import { type Evidence } from '../evidence';
import { type Finding } from '../finding';
import { momentOf } from '../message-view';
import { checkRecipientRegion } from '../region-check';
import { regionFinding } from './region-finding';
import { type DiagnosisRule } from './rule';

const NAME = 'sanctioned-sender';

/**
 * Meta's troubleshooting page, country restrictions:
 * 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)的商家不符資格,無法使用 WhatsApp Business 平台。」
 * (businesses in Cuba, Iran, North Korea, Syria and the three sanctioned regions of Ukraine, Crimea,
 * Donetsk and Luhansk, are not eligible for the platform). A sender number there means the account itself
 * is restricted, whoever the customer is.
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
