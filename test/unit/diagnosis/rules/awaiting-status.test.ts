import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { awaitingStatusRule } from '../../../../src/diagnosis/rules';
import { DAY, expectRuleFindings, factIds, HOUR, message, NOW, onlyFinding } from '../diagnosis-harness';

/*
 * Meta's messages API answers 200 when it accepts a message, not when it delivers it: delivery is known
 * only from status webhooks, `message_status: held_for_quality_assessment` means a marketing message is
 * checked first, and there is no API to fetch a status later.
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(awaitingStatusRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);
const acceptedAgo = (ms: number, status = 'ACCEPTED') => message([{ status, at: NOW - ms }]);

describe('awaiting-status rule', () => {
  it('finds an accepted message PENDING: accepted by the API, no status yet', () => {
    expectFindings({ message: acceptedAgo(5000) }).toEqual([
      {
        rule: 'awaiting-status',
        cause: C.NONE,
        verdict: V.PENDING,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.acceptedAt', params: { createdAt: '2025-02-28 23:59 UTC' } }],
        headline: { title: 'headline.accepted.title', explanation: 'headline.accepted.explanation' },
      },
    ]);
  });

  it('says a held message is waiting for Meta’s quality check', () => {
    const held = onlyFinding(awaitingStatusRule, { message: acceptedAgo(5000, 'HELD') });
    expect(factIds(held)).toEqual(['fact.acceptedAt', 'fact.held']);
    expect(held.headline).toEqual({ title: 'headline.held.title', explanation: 'headline.held.explanation' });
    expect(held.verdict).toBe(V.PENDING);
  });

  it('does not suspect a lost webhook one millisecond before a day has passed', () => {
    expect(factIds(onlyFinding(awaitingStatusRule, { message: acceptedAgo(DAY - 1) }))).toEqual([
      'fact.acceptedAt',
    ]);
  });

  it('suspects a lost webhook from a day on, saying how many hours', () => {
    expectFindings({ message: acceptedAgo(DAY) }).toMatchObject([
      {
        verdict: V.PENDING,
        facts: [{ id: 'fact.acceptedAt' }, { id: 'fact.staleAccepted', params: { ageHours: 24 } }],
      },
    ]);
    expectFindings({ message: acceptedAgo(2 * DAY + HOUR + 1) }).toMatchObject([
      { facts: [{}, { params: { ageHours: 49 } }] },
    ]);
  });

  it('reads statuses in any case', () => {
    expectFindings({ message: acceptedAgo(5000, 'held') }).toMatchObject([
      { headline: { title: 'headline.held.title' } },
    ]);
  });

  it('finds nothing once Meta reported any status, or for a status it does not know', () => {
    expectNothing({});
    for (const status of ['SENT', 'DELIVERED', 'READ', 'FAILED', 'DELETED', 'WARNING', 'TELEPORTED']) {
      expectNothing({ message: acceptedAgo(HOUR, status) });
    }
  });
});
