import {
  type DeliveryStatus,
  diagnose,
  diagnoseHealth,
  diagnoseToken,
  isAuthErrorCode,
  type Diagnosis,
  type Evidence,
  type HealthEvidence,
  type Locale,
  type SendErrorEvidence,
  type TokenDebugEvidence,
} from '../../diagnosis';
import { type ContactStore } from '../../contacts';
import { type MessageRecord, type MessageStatus } from '../../messages';
import { type DebugTokenData } from '../../upstream';
import { type Loaders } from '../loaders';
import { type SendRejection } from '../../sending';
import { customerKeyOf } from '../../store-kit';

/**
 * The diagnosis mirrors the message statuses without importing them (it stays standalone); a status one
 * side has and the other lacks would make the rules go silent, so it fails to compile here.
 */
type SameStatuses = [`${MessageStatus}`] extends [`${DeliveryStatus}`]
  ? [`${DeliveryStatus}`] extends [`${MessageStatus}`]
    ? true
    : false
  : false;
const statusesMatch: SameStatuses = true;
void statusesMatch;

/** The code of the 24-hour customer-service window error: its diagnosis needs the customer's last message. */
const REENGAGEMENT_CODE = 131047;

/** The code of a refused marketing template: its diagnosis names the customer's opt-out when it was seen. */
const MARKETING_STOPPED_CODE = 131050;

/** Asks Meta about the gateway's own access token (`debug_token`). */
export type OwnTokenCheck = () => Promise<TokenDebugEvidence>;

export interface RejectionDiagnosisOptions {
  /**
   * On an authentication or permission error, also inspect the gateway's own token, so that the diagnosis
   * names exactly what is wrong with it (which permission is missing, when it expired). One extra call to
   * Meta; when that call fails too, the diagnosis is given without it.
   */
  withTokenCheck?: boolean;
}

/**
 * Gathers evidence (the clock, what webhooks recorded, and when asked the token-debug result) for the
 * pure diagnosis rules. The only place where diagnosing touches I/O, and only for the facts a rule needs.
 */
export class DiagnosisService {
  constructor(
    private readonly clock: () => number,
    private readonly ownTokenCheck: OwnTokenCheck | null = null,
    private readonly contacts: ContactStore | null = null,
  ) {}

  async forMessage(record: MessageRecord, locale: Locale, loaders: Loaders): Promise<Diagnosis> {
    const evidence: Evidence = { now: this.clock(), message: record };
    if (record.recipient !== undefined) evidence.recipient = record.recipient;
    const customer = customerKeyOf(record);
    if (customer !== undefined && record.errors.some((error) => error.code === REENGAGEMENT_CODE)) {
      evidence.lastInboundAt = await loaders.lastInbound.load(`${customer}|${record.phoneNumberId}`);
    }
    // The contact is looked up by the name the gateway shows for the recipient (`+` and the WhatsApp id,
    // or the BSUID): a WhatsApp id is not always a number, and only that name finds such a customer.
    const contact = record.recipient ?? record.recipientUserId;
    if (contact !== undefined && record.errors.some((error) => error.code === MARKETING_STOPPED_CODE)) {
      await this.addMarketingChoice(evidence, contact);
    }
    return diagnose(evidence, locale);
  }

  async forRejection(
    rejection: SendRejection,
    locale: Locale,
    loaders: Loaders,
    options: RejectionDiagnosisOptions = {},
  ): Promise<Diagnosis> {
    const evidence: Evidence = {
      now: this.clock(),
      sendError: toSendErrorEvidence(rejection),
      recipient: rejection.recipient,
    };
    // The template's facts, from the catalogue when the send was refused (by the gateway or by Meta).
    if (rejection.template !== undefined) evidence.template = rejection.template;
    if (rejection.code === REENGAGEMENT_CODE) {
      evidence.lastInboundAt = await loaders.lastInbound.load(
        `${rejection.recipient.replace(/^\+/, '')}|${rejection.phoneNumberId}`,
      );
    }
    if (rejection.code === MARKETING_STOPPED_CODE) {
      await this.addMarketingChoice(evidence, rejection.recipient);
    }
    if (options.withTokenCheck && this.ownTokenCheck && isAuthErrorCode(rejection.code)) {
      // Without the token's description the diagnosis still names both permissions; nothing is lost.
      const token = await this.ownTokenCheck().catch(() => null);
      if (token) evidence.tokenDebug = token;
    }
    return diagnose(evidence, locale);
  }

  /** The customer's marketing choice, when a `user_preferences` webhook reported one; a failed read adds nothing. */
  private async addMarketingChoice(evidence: Evidence, customer: string): Promise<void> {
    const contact = await this.contacts?.find(customer).catch(() => null);
    if (contact?.marketingOptOut === undefined) return;
    evidence.marketingOptOut = { stopped: contact.marketingOptOut, at: contact.marketingPreferenceAt ?? 0 };
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

/** Meta's `debug_token` answer as diagnosis evidence (times in epoch ms; `0` = never expires). */
export function tokenEvidenceFrom(data: DebugTokenData): TokenDebugEvidence {
  return {
    isValid: data.is_valid,
    expiresAt: data.expires_at ? data.expires_at * 1000 : null,
    scopes: data.scopes ?? [],
    ...(data.app_id !== undefined && { appId: data.app_id }),
    ...(data.error && { error: data.error }),
  };
}
