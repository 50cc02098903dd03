import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { deliveryConflictRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, 「訊息傳遞狀態衝突」 (message delivery status conflict):
 * 「在極少數狀況下,同一訊息可能會同時觸發成功和失敗訊息狀態更新 Webhooks。」
 * (rarely, one message triggers both a success and a failure status webhook), when the customer is signed
 * in on several devices, and 「系統已將觸發 "delivered" 訊息狀態 Webhook 的任何訊息送達到至少一部用戶裝置。」
 * (a message that triggered "delivered" reached at least one device).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(deliveryConflictRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const FAILED = { status: 'FAILED', at: NOW - HOUR, errors: [{ code: 131026 }] };

describe('delivery-conflict rule', () => {
  it('finds delivered and failed together AT_RISK, never FAILED, with the time of the delivery', () => {
    const both = message([{ status: 'DELIVERED', at: NOW - 2 * HOUR }, FAILED], {
      status: 'DELIVERED',
      conflict: true,
    });
    expectFindings({ message: both }).toEqual([
      {
        rule: 'delivery-conflict',
        cause: C.MULTI_DEVICE_CONFLICT,
        verdict: V.AT_RISK,
        strength: Strength.CONFLICT,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          { id: 'fact.conflict' },
          { id: 'fact.deliveredAt', params: { status: 'DELIVERED', at: '2025-02-28 22:00 UTC' } },
        ],
      },
    ]);
  });

  it('finds it from the history alone, when the store did not flag the conflict', () => {
    const both = message([{ status: 'DELIVERED', at: NOW - 2 * HOUR }, FAILED]);
    expectFindings({ message: both }).toMatchObject([{ cause: C.MULTI_DEVICE_CONFLICT }]);
  });

  it('takes the first confirmation of any kind (read, played) as the delivery time', () => {
    const readThenFailed = message([{ status: 'READ', at: NOW - 3 * HOUR }, FAILED]);
    expectFindings({ message: readThenFailed }).toMatchObject([
      {
        facts: [{ id: 'fact.conflict' }, { id: 'fact.deliveredAt', params: { at: '2025-02-28 21:00 UTC' } }],
      },
    ]);
  });

  it('trusts the flag without a delivery time in the history, and then says only that both came', () => {
    const flagged = message([FAILED], { status: 'DELIVERED', conflict: true });
    expectFindings({ message: flagged }).toMatchObject([{ facts: [{ id: 'fact.conflict' }] }]);
  });

  it('outweighs the failure’s own error code: the customer has the message', () => {
    expect(Strength.CONFLICT).toBeGreaterThan(Strength.ERROR_CODE);
  });

  it('finds nothing without a message, or with only one side of the conflict', () => {
    expectNothing({});
    expectNothing({ message: message([{ status: 'DELIVERED', at: NOW - HOUR }]) });
    expectNothing({ message: message([{ status: 'SENT', at: NOW - 2 * HOUR }, FAILED]) });
  });
});
