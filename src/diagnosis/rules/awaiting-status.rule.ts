import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { formatInstant } from '../format';
import { HOUR_MS, STALE_ACCEPTED_MS } from '../knowledge/windows';
import { DeliveryStatus, parseStatus, phaseOf } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'awaiting-status';

/**
 * Meta's messages API answers 200 when it accepts a message, not when it delivers it: delivery is known
 * only from status webhooks, and `message_status: held_for_quality_assessment` means a marketing message
 * is being checked first. With no webhook yet the message is PENDING, and the texts say so. After a day
 * without any status, a lost webhook is the likelier story (Meta offers no API to fetch a status later).
 */
export const awaitingStatusRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message) return [];
    const status = parseStatus(message.status);
    if (status === null || phaseOf(status) !== 'awaiting') return [];
    const held = status === DeliveryStatus.HELD;
    const age = evidence.now - message.createdAt;
    const facts: Fact[] = [
      { id: 'fact.acceptedAt', params: { createdAt: formatInstant(message.createdAt) } },
    ];
    if (held) facts.push({ id: 'fact.held' });
    if (age >= STALE_ACCEPTED_MS)
      facts.push({ id: 'fact.staleAccepted', params: { ageHours: Math.floor(age / HOUR_MS) } });
    return [
      {
        rule: NAME,
        cause: DiagnosisCause.NONE,
        verdict: Verdict.PENDING,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts,
        headline: held
          ? { title: 'headline.held.title', explanation: 'headline.held.explanation' }
          : { title: 'headline.accepted.title', explanation: 'headline.accepted.explanation' },
      },
    ];
  },
};
