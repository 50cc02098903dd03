import {
  diagnose,
  diagnoseHealth,
  diagnoseToken,
  type Diagnosis,
  type Evidence,
  type HealthEvidence,
  type Locale,
  type SendErrorEvidence,
  type TokenDebugEvidence,
} from '../../diagnosis';
import { type MessageRecord } from '../../messages';
import { type Loaders } from '../loaders';
import { type SendRejection } from './send-rejection';

/** The code of the 24-hour customer-service window error: its diagnosis needs the customer's last message. */
const REENGAGEMENT_CODE = 131047;

/**
 * Gathers evidence (the clock, what webhooks recorded) for the pure diagnosis rules. The only place
 * where diagnosing touches I/O, and only for the facts a rule needs.
 */
export class DiagnosisService {
  constructor(private readonly clock: () => number) {}

  async forMessage(record: MessageRecord, locale: Locale, loaders: Loaders): Promise<Diagnosis> {
    const evidence: Evidence = { now: this.clock(), message: record, recipient: record.recipient };
    if (record.errors.some((error) => error.code === REENGAGEMENT_CODE)) {
      evidence.lastInboundAt = await loaders.lastInbound.load(`${record.waId}|${record.phoneNumberId}`);
    }
    return diagnose(evidence, locale);
  }

  async forRejection(rejection: SendRejection, locale: Locale, loaders: Loaders): Promise<Diagnosis> {
    const evidence: Evidence = {
      now: this.clock(),
      sendError: toSendErrorEvidence(rejection),
      recipient: rejection.recipient,
    };
    if (rejection.code === REENGAGEMENT_CODE) {
      evidence.lastInboundAt = await loaders.lastInbound.load(
        `${rejection.recipient.replace(/^\+/, '')}|${rejection.phoneNumberId}`,
      );
    }
    return diagnose(evidence, locale);
  }

  forToken(token: TokenDebugEvidence, locale: Locale): Diagnosis {
    return diagnoseToken(token, this.clock(), locale);
  }

  forHealth(health: HealthEvidence, locale: Locale): Diagnosis {
    return diagnoseHealth(health, locale);
  }
}

function toSendErrorEvidence(rejection: SendRejection): SendErrorEvidence {
  return {
    code: rejection.code,
    message: rejection.message,
    ...(rejection.httpStatus !== null && { httpStatus: rejection.httpStatus }),
    ...(rejection.subcode !== null && { subcode: rejection.subcode }),
    ...(rejection.type !== null && { type: rejection.type }),
    ...(rejection.title !== null && { title: rejection.title }),
    ...(rejection.details !== null && { details: rejection.details }),
    ...(rejection.fbtraceId !== null && { fbtraceId: rejection.fbtraceId }),
  };
}
