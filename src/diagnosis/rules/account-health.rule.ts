import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence, type HealthEvidence } from '../evidence';
import { type Fact, type Finding, Strength } from '../finding';
import { findErrorCode } from '../knowledge/error-catalog';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'account-health';

/**
 * Meta's `health_status` of a phone number (or account): `can_send_message` is AVAILABLE, LIMITED or
 * BLOCKED, the worst of its entities (phone number, WhatsApp Business Account, business, app), each with
 * Meta's error code, description and possible solution (141006: a payment method problem blocks
 * business-initiated conversations). The first catalogued entity error names the cause. Next to a
 * message, the message's own evidence leads.
 */
export const accountHealthRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const health = evidence.health;
    if (!health) return [];
    const facts = healthFacts(health);
    const base = { rule: NAME, facts, retryable: false, retryAfterSeconds: null };
    if (health.canSendMessage === 'AVAILABLE') {
      return [
        {
          ...base,
          cause: DiagnosisCause.NONE,
          verdict: Verdict.OK,
          strength: Strength.BACKGROUND,
          headline: { title: 'headline.healthOk.title', explanation: 'headline.healthOk.explanation' },
        },
      ];
    }
    const errors = health.entities.flatMap((e) => e.errors);
    const first = errors.find((e) => findErrorCode(e.errorCode) !== undefined) ?? errors[0];
    const cause = first
      ? (findErrorCode(first.errorCode)?.cause ?? DiagnosisCause.UNKNOWN)
      : DiagnosisCause.ACCOUNT_RESTRICTED;
    const alone = !evidence.message && !evidence.sendError;
    return [
      {
        ...base,
        cause,
        verdict: health.canSendMessage === 'BLOCKED' ? Verdict.FAILED : Verdict.AT_RISK,
        strength: alone ? Strength.HEALTH_PROBLEM : Strength.HEALTH_SIDE,
        ...(first ? { code: first.errorCode } : {}),
      },
    ];
  },
};

function healthFacts(health: HealthEvidence): Fact[] {
  const facts: Fact[] = [{ id: 'fact.health.overall', params: { state: health.canSendMessage } }];
  for (const entity of health.entities) {
    if (entity.errors.length === 0) {
      facts.push({
        id: 'fact.health.entity',
        params: { entityType: entity.entityType, id: entity.id, state: entity.canSendMessage },
      });
    }
    for (const error of entity.errors) {
      facts.push({
        id: 'fact.health.entityError',
        params: {
          entityType: entity.entityType,
          id: entity.id,
          code: error.errorCode,
          description: error.description ?? { text: 'text.none' },
          solution: error.possibleSolution ?? { text: 'text.none' },
        },
      });
    }
  }
  return facts;
}
