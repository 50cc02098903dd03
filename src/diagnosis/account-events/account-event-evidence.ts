/*
 * An account event as the summaries and diagnoses read it: what the event says, already read out of Meta's
 * payload, one variant per kind. Every field is optional (Meta leaves some out, and the gateway reads what
 * it cannot as absent). Texts are as Meta sent them: a word (`PAUSED`, `TIER_1K`), a name, or a number as
 * its digits. Whoever calls the diagnosis maps its records to this; diagnosis reads no payload itself.
 */

/** The template a template event is about. */
interface TemplateNamed {
  templateName?: string;
  templateLanguage?: string;
}

export interface TemplateStatusEvidence extends TemplateNamed {
  kind: 'TEMPLATE_STATUS';
  /** `APPROVED`, `REJECTED`, `PAUSED`, `DISABLED`, … */
  event?: string;
  /** `NONE` when Meta gives no reason. */
  reason?: string;
  /** For a pause: Meta's title (`FIRST_PAUSE`, `SECOND_PAUSE`) and sentence. */
  otherInfo?: { title?: string; description?: string };
}

export interface TemplateCategoryEvidence extends TemplateNamed {
  kind: 'TEMPLATE_CATEGORY';
  previousCategory?: string;
  newCategory?: string;
}

export interface TemplateQualityEvidence extends TemplateNamed {
  kind: 'TEMPLATE_QUALITY';
  /** `GREEN`, `YELLOW`, `RED`, `UNKNOWN`. */
  previousQualityScore?: string;
  newQualityScore?: string;
}

export interface PhoneNumberQualityEvidence {
  kind: 'PHONE_NUMBER_QUALITY';
  displayPhoneNumber?: string;
  /** `FLAGGED`, `UNFLAGGED`, `DOWNGRADE`, `UPGRADE`, … */
  event?: string;
  /** The messaging limit as Meta named it before February 2026, and since. */
  currentLimit?: string;
  maxDailyConversationsPerBusiness?: string;
}

export interface PhoneNumberNameEvidence {
  kind: 'PHONE_NUMBER_NAME';
  requestedVerifiedName?: string;
  decision?: string;
  rejectionReason?: string;
}

export interface AccountUpdateEvidence {
  kind: 'ACCOUNT_UPDATE';
  /** `ACCOUNT_RESTRICTION`, `ACCOUNT_VIOLATION`, `DISABLED_UPDATE`, … */
  event?: string;
}

export interface AccountAlertEvidence {
  kind: 'ACCOUNT_ALERT';
  alert?: { severity?: string; type?: string; description?: string };
}

export interface BusinessCapabilityEvidence {
  kind: 'BUSINESS_CAPABILITY';
  maxDailyConversationsPerBusiness?: string;
  maxDailyConversationPerPhone?: string;
}

/** A customer's marketing choice: who (number or BSUID), Meta's word for it, Meta's sentence about it. */
export interface MarketingChoiceEvidence {
  waId?: string;
  userId?: string;
  /** `stop`, `resume`, `signup`, or a word added since. */
  value?: string;
  detail?: string;
}

export interface UserPreferenceEvidence {
  kind: 'USER_PREFERENCE';
  /** In Meta's order; the first is the one summarised. */
  preferences: readonly MarketingChoiceEvidence[];
}

export interface WebhookErrorEvidence {
  kind: 'WEBHOOK_ERROR';
  /** An unreadable part: where it was (absent for the whole body) and why. */
  path?: string;
  reason?: string;
  /** An error Meta reported for the account rather than one message. */
  error?: { code?: number; title?: string; message?: string; details?: string };
}

export interface SecurityEvidence {
  kind: 'SECURITY';
  displayPhoneNumber?: string;
  event?: string;
}

/** An event of a field the gateway does not model: only its name is known. */
export interface OtherEvidence {
  kind: 'OTHER';
  /** Meta's webhook field. */
  field: string;
}

/** An account event as the summaries and diagnoses read it, by kind. */
export type AccountEventEvidence =
  | TemplateStatusEvidence
  | TemplateCategoryEvidence
  | TemplateQualityEvidence
  | PhoneNumberQualityEvidence
  | PhoneNumberNameEvidence
  | AccountUpdateEvidence
  | AccountAlertEvidence
  | BusinessCapabilityEvidence
  | UserPreferenceEvidence
  | WebhookErrorEvidence
  | SecurityEvidence
  | OtherEvidence;

/** The kinds of account events (the values of `AccountEventKind`). */
export type AccountEventKindName = AccountEventEvidence['kind'];

/** The evidence of one kind. */
export type EvidenceOf<K extends AccountEventKindName> = Extract<AccountEventEvidence, { kind: K }>;
