import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { findErrorCode } from '../knowledge/error-catalog';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../knowledge/windows';
import { allErrorCodes } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'customer-service-window';

/** Meta's error-code reference: 131047 "Re-engagement message". */
const REENGAGEMENT = 131047;

/**
 * Meta's customer service window: a free-form message may be sent only within 24 hours of the customer's
 * last message; outside it, only a template. On 131047, says when the customer last wrote and when the
 * window closed, or that no inbound message is known. It merges with the catalogue's finding for the same
 * code.
 */
export const customerServiceWindowRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    if (!allErrorCodes(evidence).includes(REENGAGEMENT) || evidence.lastInboundAt === undefined) return [];
    const info = findErrorCode(REENGAGEMENT);
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.REENGAGEMENT_WINDOW,
        verdict: Verdict.FAILED,
        strength: Strength.ERROR_CODE,
        code: REENGAGEMENT,
        retryable: info?.retryable ?? false,
        retryAfterSeconds: info?.retryAfterSeconds ?? null,
        facts: [windowFact(evidence.lastInboundAt, evidence.now)],
      },
    ];
  },
};

function windowFact(lastInboundAt: number | null, now: number): Fact {
  if (lastInboundAt === null) return { id: 'fact.window.none' };
  const closesAt = lastInboundAt + CUSTOMER_SERVICE_WINDOW_MS;
  return {
    id: closesAt <= now ? 'fact.window.closed' : 'fact.window.open',
    params: { lastInbound: formatInstant(lastInboundAt), windowClosed: formatInstant(closesAt) },
  };
}
