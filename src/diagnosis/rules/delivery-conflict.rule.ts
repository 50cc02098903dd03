import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { DeliveryStatus, firstTimeOf, hasFailed, hasReached } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'delivery-conflict';

/**
 * Meta's troubleshooting page, 「訊息傳遞狀態衝突」 (message delivery status conflict):
 * 「在極少數狀況下,同一訊息可能會同時觸發成功和失敗訊息狀態更新 Webhooks。」 (rarely, one message triggers both a
 * success and a failure status webhook); it happens when the customer is signed in on several devices and
 * only some of them got the message, and 「系統已將觸發 "delivered" 訊息狀態 Webhook 的任何訊息送達到至少一部用戶裝置。」
 * (a message that triggered "delivered" reached at least one device). So the verdict is AT_RISK, never
 * FAILED, and this finding outweighs the failure's own error code.
 */
export const deliveryConflictRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message) return [];
    if (!message.conflict && !(hasReached(message) && hasFailed(message))) return [];
    const deliveredAt = firstTimeOf(
      message,
      DeliveryStatus.DELIVERED,
      DeliveryStatus.READ,
      DeliveryStatus.PLAYED,
    );
    const facts: Fact[] = [{ id: 'fact.conflict' }];
    if (deliveredAt !== undefined) {
      facts.push({
        id: 'fact.deliveredAt',
        params: { status: DeliveryStatus.DELIVERED, at: formatInstant(deliveredAt) },
      });
    }
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.MULTI_DEVICE_CONFLICT,
        verdict: Verdict.AT_RISK,
        strength: Strength.CONFLICT,
        retryable: false,
        retryAfterSeconds: null,
        facts,
      },
    ];
  },
};
