import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { DeliveryStatus, firstTimeOf, hasFailed, hasReached, parseStatus } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'delivered';

/**
 * Meta's troubleshooting page, on webhooks: 「系統已將觸發 "delivered" 訊息狀態 Webhook 的任何訊息送達到至少一部用戶裝置。」
 * (any message that triggered a "delivered" status webhook reached at least one of the user's devices).
 * Delivered, read or played with no failure beside it: OK, nothing to do.
 */
export const deliveredRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message || !hasReached(message) || message.conflict || hasFailed(message)) return [];
    const status = parseStatus(message.status) ?? DeliveryStatus.DELIVERED;
    const at = firstTimeOf(message, status);
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.NONE,
        verdict: Verdict.OK,
        strength: Strength.DELIVERED,
        retryable: false,
        retryAfterSeconds: null,
        params: { status },
        facts:
          at !== undefined
            ? [{ id: 'fact.deliveredAt', params: { status, at: formatInstant(at) } }]
            : [{ id: 'fact.status', params: { status } }],
        headline: { title: 'headline.delivered.title', explanation: 'headline.delivered.explanation' },
      },
    ];
  },
};
