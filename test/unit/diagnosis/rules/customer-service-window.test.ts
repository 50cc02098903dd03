import {
  CUSTOMER_SERVICE_WINDOW_MS,
  DiagnosisCause as C,
  type Evidence,
  Verdict as V,
} from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { customerServiceWindowRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, failedMessage, NOW, rejectedSend } from '../diagnosis-harness';

/*
 * Meta's customer service window: a free-form message may be sent only within 24 hours of the customer's
 * last message; outside it, only a template, and Meta refuses the rest with 131047 "Re-engagement message".
 */

const expectFindings = (evidence: Partial<Evidence>) =>
  expectRuleFindings(customerServiceWindowRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);
const reengagement = rejectedSend(131047);

describe('customer-service-window rule', () => {
  it('says when the customer last wrote and when the 24-hour window closed', () => {
    expectFindings({ sendError: reengagement, lastInboundAt: Date.UTC(2025, 1, 20, 9, 30) }).toEqual([
      {
        rule: 'customer-service-window',
        cause: C.REENGAGEMENT_WINDOW,
        verdict: V.FAILED,
        strength: Strength.ERROR_CODE,
        code: 131047,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.window.closed',
            params: { lastInbound: '2025-02-20 09:30 UTC', windowClosed: '2025-02-21 09:30 UTC' },
          },
        ],
      },
    ]);
  });

  it('counts the window as closed at its last millisecond, open one millisecond before', () => {
    const closedNow = NOW - CUSTOMER_SERVICE_WINDOW_MS;
    expectFindings({ sendError: reengagement, lastInboundAt: closedNow }).toMatchObject([
      { facts: [{ id: 'fact.window.closed' }] },
    ]);
    expectFindings({ sendError: reengagement, lastInboundAt: closedNow + 1 }).toMatchObject([
      { facts: [{ id: 'fact.window.open' }] },
    ]);
  });

  it('says no window was ever opened when no message from the customer is known', () => {
    expectFindings({ sendError: reengagement, lastInboundAt: null }).toMatchObject([
      { code: 131047, facts: [{ id: 'fact.window.none' }] },
    ]);
  });

  it('reads 131047 on a failed status as well as on a refused send', () => {
    expectFindings({ message: failedMessage([{ code: 131047 }]), lastInboundAt: null }).toMatchObject([
      { cause: C.REENGAGEMENT_WINDOW },
    ]);
  });

  it('finds nothing when the last inbound message was not looked up, even on 131047', () => {
    expectNothing({ sendError: reengagement });
  });

  it('finds nothing for other codes, or without an error', () => {
    expectNothing({ sendError: rejectedSend(131026), lastInboundAt: null });
    expectNothing({ lastInboundAt: NOW - 1000 });
  });
});
