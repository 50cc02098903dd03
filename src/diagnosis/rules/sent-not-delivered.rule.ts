import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { DAY_MS, OFFLINE_RETENTION_MS } from '../knowledge/windows';
import { hasFailed, hasReached, messageErrors, parseStatus, phaseOf, sentAt } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'sent-not-delivered';

/**
 * Meta's troubleshooting page: 「以下狀況可能會造成訊息顯示為已傳送但未送達。由於其中有許多原因,基於隱私和政策理由,
 * 我們不會透露錯誤的根本原因」 (these cases can leave a message sent but not delivered; for privacy and policy
 * reasons Meta does not disclose the root cause): 「顧客在 30 天期間內未上線,我們在該期間內為離線顧客保留訊息。」
 * (the customer was not online within the 30 days messages are kept for offline customers) and
 * 「顧客已封鎖商家電話號碼,或商家擁有的其他商家電話號碼。」 (the customer blocked the business number, or another
 * number the business owns). Younger than 30 days: PENDING; 30 days or older: the retention window has
 * passed and it will not arrive (FAILED, not retryable as is).
 */
export const sentNotDeliveredRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message) return [];
    const status = parseStatus(message.status);
    if (status === null || phaseOf(status) !== 'sent') return [];
    if (hasReached(message) || hasFailed(message) || messageErrors(message).length > 0) return [];
    const since = sentAt(message);
    const age = evidence.now - since;
    const expired = age >= OFFLINE_RETENTION_MS;
    return [
      {
        rule: NAME,
        cause: expired ? DiagnosisCause.OFFLINE_EXPIRED : DiagnosisCause.RECIPIENT_OFFLINE,
        verdict: expired ? Verdict.FAILED : Verdict.PENDING,
        strength: Strength.STATUS,
        // Pending: Meta is still trying, a resend would duplicate. Expired: the same message cannot succeed.
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.sentAge',
            params: { sentAt: formatInstant(since), ageDays: Math.max(0, Math.floor(age / DAY_MS)) },
          },
        ],
      },
    ];
  },
};
