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
 * Seed, "Message not delivered": a message can show sent but not delivered, and Meta does not disclose
 * why (privacy and policy). Either the customer is offline (messages are kept for 30 days) or the customer
 * blocked this or another number of the business. Younger than 30 days: PENDING; 30 days or older: the
 * retention window has passed and it will not arrive (FAILED, not retryable as is).
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
