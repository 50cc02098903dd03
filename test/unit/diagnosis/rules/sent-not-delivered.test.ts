import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { sentNotDeliveredRule } from '../../../../src/diagnosis/rules';
import { DAY, expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page:
 * 「以下狀況可能會造成訊息顯示為已傳送但未送達。由於其中有許多原因,基於隱私和政策理由,我們不會透露錯誤的根本原因」
 * (these cases can leave a message sent but not delivered; for privacy and policy reasons Meta does not
 * disclose the root cause):
 * 「顧客在 30 天期間內未上線,我們在該期間內為離線顧客保留訊息。」 (the customer was not online within the 30 days
 * messages for offline customers are kept) and 「顧客已封鎖商家電話號碼,或商家擁有的其他商家電話號碼。」 (the
 * customer blocked the business number, or another number the business owns).
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(sentNotDeliveredRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

const sentAgo = (ms: number) => message([{ status: 'SENT', at: NOW - ms }]);

describe('sent-not-delivered rule', () => {
  it('finds a message sent 29 days ago PENDING: the customer may be offline, Meta still tries', () => {
    expectFindings({ message: sentAgo(29 * DAY) }).toEqual([
      {
        rule: 'sent-not-delivered',
        cause: C.RECIPIENT_OFFLINE,
        verdict: V.PENDING,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.sentAge', params: { sentAt: '2025-01-31 00:00 UTC', ageDays: 29 } }],
      },
    ]);
  });

  it('is still PENDING one millisecond before the 30 days are over', () => {
    expectFindings({ message: sentAgo(30 * DAY - 1) }).toMatchObject([
      { cause: C.RECIPIENT_OFFLINE, verdict: V.PENDING, facts: [{ params: { ageDays: 29 } }] },
    ]);
  });

  it('gives up at exactly 30 days: FAILED, and a resend of the same message cannot help', () => {
    expectFindings({ message: sentAgo(30 * DAY) }).toMatchObject([
      {
        cause: C.OFFLINE_EXPIRED,
        verdict: V.FAILED,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ params: { ageDays: 30 } }],
      },
    ]);
  });

  it('counts the days from the first `sent` status, not from the send', () => {
    const acceptedLong = message([
      { status: 'ACCEPTED', at: NOW - 31 * DAY },
      { status: 'SENT', at: NOW - 29 * DAY },
    ]);
    expectFindings({ message: acceptedLong }).toMatchObject([{ cause: C.RECIPIENT_OFFLINE }]);
  });

  it('counts from the creation when the history holds no `sent`', () => {
    const bare = message([], { status: 'SENT', createdAt: NOW - 31 * DAY });
    expectFindings({ message: bare }).toMatchObject([{ cause: C.OFFLINE_EXPIRED }]);
  });

  it('never shows a negative age when the clock is behind the status', () => {
    expectFindings({ message: sentAgo(-HOUR) }).toMatchObject([{ facts: [{ params: { ageDays: 0 } }] }]);
  });

  it('finds nothing for a message that is not (only) sent', () => {
    expectNothing({});
    for (const status of ['ACCEPTED', 'DELIVERED', 'READ', 'FAILED', 'TELEPORTED']) {
      expectNothing({ message: message([{ status, at: NOW - DAY }]) });
    }
  });

  it('finds nothing when the history shows a delivery, a failure or an error beside the `sent`', () => {
    const sent = { status: 'SENT', at: NOW - 2 * DAY };
    expectNothing({ message: message([sent, { status: 'DELIVERED', at: NOW - DAY }], { status: 'SENT' }) });
    expectNothing({ message: message([sent, { status: 'FAILED', at: NOW - DAY }], { status: 'SENT' }) });
    expectNothing({ message: message([sent], { errors: [{ code: 131026 }] }) });
  });
});
