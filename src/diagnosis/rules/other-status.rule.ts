import { DiagnosisCause } from '../diagnosis-cause';
import { type Evidence, type MessageEvidence } from '../evidence';
import { type Finding, Strength } from '../finding';
import { DeliveryStatus, parseStatus, phaseOf } from '../message-view';
import { Verdict } from '../verdict';
import { type DiagnosisRule } from './rule';

const NAME = 'other-status';

/**
 * Besides sent, delivered, read and failed, Meta's status webhooks also carry `deleted` and `warning`
 * (about catalogue items in the message), and Meta may add statuses later. Deleted is not a failure; a
 * warning is worth a look; a status nobody knows is reported as it is, never thrown on.
 */
export const otherStatusRule: DiagnosisRule = {
  name: NAME,
  apply(evidence: Evidence): Finding[] {
    const message = evidence.message;
    if (!message) return [];
    const status = parseStatus(message.status);
    if (status === null) return [unknownStatus(message)];
    if (phaseOf(status) === 'deleted') {
      return [
        {
          rule: NAME,
          cause: DiagnosisCause.NONE,
          verdict: Verdict.OK,
          strength: Strength.STATUS,
          retryable: false,
          retryAfterSeconds: null,
          facts: [{ id: 'fact.deleted' }],
          headline: { title: 'headline.deleted.title', explanation: 'headline.deleted.explanation' },
        },
      ];
    }
    if (phaseOf(status) === 'warning') return [warning(message)];
    return [];
  },
};

function unknownStatus(message: MessageEvidence): Finding {
  return {
    rule: NAME,
    cause: DiagnosisCause.UNKNOWN,
    verdict: Verdict.UNKNOWN,
    strength: Strength.STATUS,
    retryable: false,
    retryAfterSeconds: null,
    params: { status: message.status },
    facts: [{ id: 'fact.unknownStatus', params: { status: message.status } }],
    headline: { title: 'headline.unknownStatus.title', explanation: 'headline.unknownStatus.explanation' },
  };
}

function warning(message: MessageEvidence): Finding {
  const entries = message.statusHistory.filter((h) => parseStatus(h.status) === DeliveryStatus.WARNING);
  const details = entries
    .flatMap((h) => h.errors)
    .map((e) => [e.code, e.title, e.details].filter((x) => x !== undefined).join(' '))
    .join('; ');
  return {
    rule: NAME,
    cause: DiagnosisCause.UNKNOWN,
    verdict: Verdict.AT_RISK,
    strength: Strength.STATUS,
    retryable: false,
    retryAfterSeconds: null,
    facts: [{ id: 'fact.warning', params: { details: details !== '' ? details : { text: 'text.none' } } }],
    headline: { title: 'headline.warning.title', explanation: 'headline.warning.explanation' },
  };
}
