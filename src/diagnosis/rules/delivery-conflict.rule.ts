import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { DeliveryStatus, firstTimeOf, hasFailed, hasReached } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'delivery-conflict';

/**
 * Seed, "Webhooks: message delivery status conflict": a message can get both `delivered` and `failed`
 * when the customer is signed in on several devices; `delivered` means at least one device has it. So the
 * verdict is AT_RISK, never FAILED, and this finding outweighs the failure's own error code.
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
