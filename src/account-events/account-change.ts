import { type AccountEventKind } from './account-event';
import { type EpochMillis } from '../store-kit';

/*
 * What an account event says, read out of Meta's snake_case into the gateway's terms: one variant per
 * kind, told apart by `kind`. Meta adds fields and words over time and leaves some out, so every field is
 * optional and nothing is refused: a field of an unexpected type reads as absent, and a field the gateway
 * does not model (or a value that is no JSON object at all) reads as `OTHER`. This is a view: the payload
 * stays stored whole, as Meta sent it, and is read again into this view wherever it is needed.
 *
 * Texts are as Meta sent them: a word (`PAUSED`, `TIER_1K`), a name, or a number shown as its digits
 * (Meta sends ids and some limits as numbers). Times are Unix seconds turned into epoch millis.
 */

interface ChangeOfNumber {
  /** The business number the value names (`metadata.phone_number_id`), for the fields that carry one. */
  phoneNumberId?: string;
}

/** The template a template field is about. */
interface TemplateNamed {
  templateId?: string;
  templateName?: string;
  templateLanguage?: string;
}

/** `message_template_status_update`: a template approved, rejected, paused, disabled, … */
export interface TemplateStatusChange extends ChangeOfNumber, TemplateNamed {
  kind: AccountEventKind.TEMPLATE_STATUS;
  /** `APPROVED`, `REJECTED`, `PAUSED`, `DISABLED`, `FLAGGED`, `REINSTATED`, … */
  event?: string;
  templateCategory?: string;
  /** Why (`INVALID_FORMAT`, …); `NONE` when Meta gives no reason. */
  reason?: string;
  /** For pauses, locks and unlocks: Meta's title (`FIRST_PAUSE`, `SECOND_PAUSE`) and sentence. */
  otherInfo?: { title?: string; description?: string };
  /** For a rejection: Meta's reason in words and what it recommends. */
  rejectionInfo?: { reason?: string; recommendation?: string };
  /** For a disabled template: when. */
  disabledAt?: EpochMillis;
}

/** `template_category_update`: a template moved (or is about to move) to another category. */
export interface TemplateCategoryChange extends ChangeOfNumber, TemplateNamed {
  kind: AccountEventKind.TEMPLATE_CATEGORY;
  previousCategory?: string;
  newCategory?: string;
  /** The category the template will be moved to within 24 hours. */
  correctCategory?: string;
}

/** `message_template_quality_update`: a template's quality score changed. */
export interface TemplateQualityChange extends ChangeOfNumber, TemplateNamed {
  kind: AccountEventKind.TEMPLATE_QUALITY;
  /** `GREEN`, `YELLOW`, `RED`, `UNKNOWN`. */
  previousQualityScore?: string;
  newQualityScore?: string;
}

/** `phone_number_quality_update`: a number flagged or unflagged, its messaging limit moved. */
export interface PhoneNumberQualityChange extends ChangeOfNumber {
  kind: AccountEventKind.PHONE_NUMBER_QUALITY;
  displayPhoneNumber?: string;
  /** `FLAGGED`, `UNFLAGGED`, `DOWNGRADE`, `UPGRADE`, … */
  event?: string;
  /** The messaging limit before February 2026 (`TIER_1K`, …). */
  currentLimit?: string;
  /** The messaging limit of the business portfolio, since February 2026. */
  maxDailyConversationsPerBusiness?: string;
  /** The per-number limit Meta reported before the portfolio's. */
  maxDailyConversationPerPhone?: string;
}

/** `phone_number_name_update`: the review of a display name. */
export interface PhoneNumberNameChange extends ChangeOfNumber {
  kind: AccountEventKind.PHONE_NUMBER_NAME;
  displayPhoneNumber?: string;
  /** `APPROVED`, `REJECTED`, `DEFERRED`. */
  decision?: string;
  requestedVerifiedName?: string;
  rejectionReason?: string;
}

/** `account_update`: the account restricted, in violation, disabled, a partner added, … */
export interface AccountUpdateChange extends ChangeOfNumber {
  kind: AccountEventKind.ACCOUNT_UPDATE;
  /** `ACCOUNT_RESTRICTION`, `ACCOUNT_VIOLATION`, `DISABLED_UPDATE`, `PARTNER_ADDED`, … */
  event?: string;
  phoneNumber?: string;
  /** What a restriction stops, and until when. */
  restrictions?: AccountRestriction[];
}

/** One restriction of an `account_update` (`RESTRICTED_BIZ_INITIATED_MESSAGING`, …) and when it ends. */
export interface AccountRestriction {
  type?: string;
  expiresAt?: EpochMillis;
}

/** `account_alerts`: an alert about the account (Meta's severity, type and sentence). */
export interface AccountAlertChange extends ChangeOfNumber {
  kind: AccountEventKind.ACCOUNT_ALERT;
  entityType?: string;
  entityId?: string;
  alert?: { severity?: string; status?: string; type?: string; description?: string };
}

/** `business_capability_update`: the limits of the business changed. */
export interface BusinessCapabilityChange extends ChangeOfNumber {
  kind: AccountEventKind.BUSINESS_CAPABILITY;
  maxDailyConversationsPerBusiness?: string;
  maxDailyConversationPerPhone?: string;
  maxPhoneNumbersPerBusiness?: string;
}

/** One customer's choice in a `user_preferences` change. */
export interface UserPreference {
  waId?: string;
  userId?: string;
  /** `marketing_messages` (the only category so far). */
  category?: string;
  /** `stop`, `resume`, `signup`, or a word added since. */
  value?: string;
  /** Meta's sentence about the choice. */
  detail?: string;
  at?: EpochMillis;
}

/** `user_preferences`: customers' marketing choices, in Meta's order (an unreadable one reads as empty). */
export interface UserPreferencesChange extends ChangeOfNumber {
  kind: AccountEventKind.USER_PREFERENCE;
  preferences: UserPreference[];
}

/** `security`: a security setting of a number changed (its PIN, two-step verification, …). */
export interface SecurityChange extends ChangeOfNumber {
  kind: AccountEventKind.SECURITY;
  displayPhoneNumber?: string;
  /** `PIN_CHANGED`, `PIN_RESET_REQUEST`, … */
  event?: string;
  requester?: string;
}

/**
 * The gateway's own event: a part of a webhook it could not read (`path`, `reason`; the part itself stays
 * in the payload), or an error Meta reported for the account rather than one message (`error`).
 */
export interface WebhookErrorEvent extends ChangeOfNumber {
  kind: AccountEventKind.WEBHOOK_ERROR;
  /** Where in the body it was; absent for the whole body. */
  path?: string;
  reason?: string;
  error?: { code?: number; title?: string; message?: string; details?: string };
}

/** A field the gateway does not model, or a value it cannot read at all: the payload is all there is. */
export interface OtherChange extends ChangeOfNumber {
  kind: AccountEventKind.OTHER;
  field: string;
}

/** What an account event says, by kind. */
export type AccountChange =
  | TemplateStatusChange
  | TemplateCategoryChange
  | TemplateQualityChange
  | PhoneNumberQualityChange
  | PhoneNumberNameChange
  | AccountUpdateChange
  | AccountAlertChange
  | BusinessCapabilityChange
  | UserPreferencesChange
  | SecurityChange
  | WebhookErrorEvent
  | OtherChange;
