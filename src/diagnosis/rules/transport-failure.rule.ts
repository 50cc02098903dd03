import { assertNever } from '../assert-never';
import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence, type TransportFailure } from '../evidence';
import { type Finding, Strength } from '../finding';
import { TRANSPORT_RETRY_SECONDS } from '../knowledge/windows';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'transport-failure';

/**
 * Meta's troubleshooting page, reliability FAQ: 「網路問題導致要求在到達圖形 API 層(第一層)之前失敗。」 (a
 * network problem makes a request fail before it reaches the Graph API layer) and
 * 「我們目前並未提供適用於運作時間和/或延遲的產品服務水準合約。」 (there is no SLA on uptime or latency). The
 * upstream could not be reached, so the customer is not to blame. A timeout is special: the send may have
 * gone through, so the verdict is UNKNOWN and the texts warn against a blind resend.
 */
export const transportFailureRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const failure = evidence.transportFailure;
    if (failure === undefined) return [];
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.SERVICE_DOWNTIME,
        verdict: verdictOf(failure),
        strength: Strength.TRANSPORT,
        retryable: true,
        retryAfterSeconds: TRANSPORT_RETRY_SECONDS,
        facts: [{ id: `fact.transport.${failure}` }],
        ...(failure === 'timeout'
          ? {
              headline: {
                title: 'headline.timeout.title',
                explanation: 'headline.timeout.explanation',
              } as const,
            }
          : {}),
      },
    ];
  },
};

function verdictOf(failure: TransportFailure): Verdict {
  switch (failure) {
    case 'timeout':
      return Verdict.UNKNOWN;
    case 'network':
    case 'circuit_open':
      return Verdict.FAILED;
    default:
      return assertNever(failure);
  }
}
