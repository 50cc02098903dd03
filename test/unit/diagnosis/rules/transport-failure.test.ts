import {
  diagnose,
  DiagnosisCause as C,
  type Evidence,
  Locale,
  type TransportFailure,
  Verdict as V,
} from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { transportFailureRule } from '../../../../src/diagnosis/rules';
import { evidence, expectRuleFindings } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page, reliability FAQ: 「網路問題導致要求在到達圖形 API 層(第一層)之前失敗。」 (a network
 * problem makes a request fail before it reaches the Graph API layer) and
 * 「我們目前並未提供適用於運作時間和/或延遲的產品服務水準合約。」 (there is no SLA on uptime or latency).
 */

const expectFindings = (extra: Partial<Evidence>) => expectRuleFindings(transportFailureRule, extra);

describe('transport-failure rule', () => {
  it('finds a timeout UNKNOWN: the send may have gone through, so no blind resend', () => {
    expectFindings({ transportFailure: 'timeout' }).toEqual([
      {
        rule: 'transport-failure',
        cause: C.SERVICE_DOWNTIME,
        verdict: V.UNKNOWN,
        strength: Strength.TRANSPORT,
        retryable: true,
        retryAfterSeconds: 30,
        facts: [{ id: 'fact.transport.timeout' }],
        headline: { title: 'headline.timeout.title', explanation: 'headline.timeout.explanation' },
      },
    ]);
  });

  it.each(['network', 'circuit_open'] as const)(
    'finds %s FAILED and retryable: the request never reached Meta',
    (failure) => {
      expectFindings({ transportFailure: failure }).toEqual([
        {
          rule: 'transport-failure',
          cause: C.SERVICE_DOWNTIME,
          verdict: V.FAILED,
          strength: Strength.TRANSPORT,
          retryable: true,
          retryAfterSeconds: 30,
          facts: [{ id: `fact.transport.${failure}` }],
        },
      ]);
    },
  );

  it('finds nothing when the upstream was reached', () => {
    expectFindings({}).toEqual([]);
  });

  it('does not guess at a failure kind it does not know: the rule throws, and the diagnosis says it skipped it', () => {
    const unknown = { transportFailure: 'dns' as TransportFailure };
    expect(() => transportFailureRule.apply(evidence(unknown))).toThrow('dns');
    expect(diagnose(evidence(unknown), Locale.EN).evidence).toContain(
      'The check "transport-failure" could not be evaluated on this evidence and was skipped.',
    );
  });
});
