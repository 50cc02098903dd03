import { z } from 'zod';
import { AccountEventKind, accountEventKindOf, type NewAccountEvent } from './account-event';
import {
  type AccountAlertChange,
  type AccountChange,
  type AccountRestriction,
  type AccountUpdateChange,
  type BusinessCapabilityChange,
  type PhoneNumberNameChange,
  type PhoneNumberQualityChange,
  type SecurityChange,
  type TemplateCategoryChange,
  type TemplateQualityChange,
  type TemplateStatusChange,
  type UserPreference,
  type UserPreferencesChange,
  type WebhookErrorEvent,
} from './account-change';

/*
 * Meta's values of the fields besides `messages`, read leniently into `AccountChange`: every field is
 * optional and a field of an unexpected type reads as absent, so a value is never refused, only read as
 * far as it can be.
 */

/** A non-empty string, or a number shown as its digits; anything else reads as absent. */
const text = z
  .union([z.string().min(1), z.number().transform(String)])
  .optional()
  .catch(undefined);

/** Unix seconds (a number, or digits) as epoch millis; anything else reads as absent. */
const seconds = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,12}$/)])
  .transform((value) => Number(value) * 1000)
  .optional()
  .catch(undefined);

/** Meta's error codes are integers; digits are tolerated. */
const errorCode = z
  .union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d{1,12}$/)
      .transform(Number),
  ])
  .optional()
  .catch(undefined);

/** A nested object read by `shape`; one that is not an object reads as absent. */
const nested = <T extends z.ZodRawShape>(shape: T) => z.object(shape).optional().catch(undefined);

/** What any value may carry: the business number it is about. */
const numberShape = {
  metadata: nested({ phone_number_id: z.string().min(1).optional().catch(undefined) }),
};

const templateShape = {
  ...numberShape,
  message_template_id: text,
  message_template_name: text,
  message_template_language: text,
};

type Of<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

function templateNamed(value: Of<typeof templateShape>) {
  return {
    phoneNumberId: value.metadata?.phone_number_id,
    templateId: value.message_template_id,
    templateName: value.message_template_name,
    templateLanguage: value.message_template_language,
  };
}

const templateStatus = z
  .object({
    ...templateShape,
    event: text,
    message_template_category: text,
    reason: text,
    other_info: nested({ title: text, description: text }),
    rejection_info: nested({ reason: text, recommendation: text }),
    disable_info: nested({ disable_date: seconds }),
  })
  .transform((value): TemplateStatusChange => ({
    kind: AccountEventKind.TEMPLATE_STATUS,
    ...templateNamed(value),
    event: value.event,
    templateCategory: value.message_template_category,
    reason: value.reason,
    otherInfo: value.other_info,
    rejectionInfo: value.rejection_info,
    disabledAt: value.disable_info?.disable_date,
  }));

const templateCategory = z
  .object({ ...templateShape, previous_category: text, new_category: text, correct_category: text })
  .transform((value): TemplateCategoryChange => ({
    kind: AccountEventKind.TEMPLATE_CATEGORY,
    ...templateNamed(value),
    previousCategory: value.previous_category,
    newCategory: value.new_category,
    correctCategory: value.correct_category,
  }));

const templateQuality = z
  .object({ ...templateShape, previous_quality_score: text, new_quality_score: text })
  .transform((value): TemplateQualityChange => ({
    kind: AccountEventKind.TEMPLATE_QUALITY,
    ...templateNamed(value),
    previousQualityScore: value.previous_quality_score,
    newQualityScore: value.new_quality_score,
  }));

const phoneNumberQuality = z
  .object({
    ...numberShape,
    display_phone_number: text,
    event: text,
    current_limit: text,
    max_daily_conversations_per_business: text,
    max_daily_conversation_per_phone: text,
  })
  .transform((value): PhoneNumberQualityChange => ({
    kind: AccountEventKind.PHONE_NUMBER_QUALITY,
    phoneNumberId: value.metadata?.phone_number_id,
    displayPhoneNumber: value.display_phone_number,
    event: value.event,
    currentLimit: value.current_limit,
    maxDailyConversationsPerBusiness: value.max_daily_conversations_per_business,
    maxDailyConversationPerPhone: value.max_daily_conversation_per_phone,
  }));

const phoneNumberName = z
  .object({
    ...numberShape,
    display_phone_number: text,
    decision: text,
    requested_verified_name: text,
    rejection_reason: text,
  })
  .transform((value): PhoneNumberNameChange => ({
    kind: AccountEventKind.PHONE_NUMBER_NAME,
    phoneNumberId: value.metadata?.phone_number_id,
    displayPhoneNumber: value.display_phone_number,
    decision: value.decision,
    requestedVerifiedName: value.requested_verified_name,
    rejectionReason: value.rejection_reason,
  }));

const restriction = z
  .object({ restriction_type: text, expiration: seconds })
  .transform(({ restriction_type: type, expiration: expiresAt }): AccountRestriction => ({
    type,
    expiresAt,
  }));

const accountUpdate = z
  .object({
    ...numberShape,
    event: text,
    phone_number: text,
    restriction_info: z.array(restriction.catch({})).optional().catch(undefined),
  })
  .transform((value): AccountUpdateChange => ({
    kind: AccountEventKind.ACCOUNT_UPDATE,
    phoneNumberId: value.metadata?.phone_number_id,
    event: value.event,
    phoneNumber: value.phone_number,
    restrictions: value.restriction_info,
  }));

const accountAlert = z
  .object({
    ...numberShape,
    entity_type: text,
    entity_id: text,
    alert_info: nested({
      alert_severity: text,
      alert_status: text,
      alert_type: text,
      alert_description: text,
    }),
  })
  .transform(({ alert_info: alert, ...value }): AccountAlertChange => ({
    kind: AccountEventKind.ACCOUNT_ALERT,
    phoneNumberId: value.metadata?.phone_number_id,
    entityType: value.entity_type,
    entityId: value.entity_id,
    alert: alert && {
      severity: alert.alert_severity,
      status: alert.alert_status,
      type: alert.alert_type,
      description: alert.alert_description,
    },
  }));

const businessCapability = z
  .object({
    ...numberShape,
    max_daily_conversations_per_business: text,
    max_daily_conversation_per_phone: text,
    max_phone_numbers_per_business: text,
  })
  .transform((value): BusinessCapabilityChange => ({
    kind: AccountEventKind.BUSINESS_CAPABILITY,
    phoneNumberId: value.metadata?.phone_number_id,
    maxDailyConversationsPerBusiness: value.max_daily_conversations_per_business,
    maxDailyConversationPerPhone: value.max_daily_conversation_per_phone,
    maxPhoneNumbersPerBusiness: value.max_phone_numbers_per_business,
  }));

const userPreference = z
  .object({ wa_id: text, user_id: text, category: text, value: text, detail: text, timestamp: seconds })
  .transform((choice): UserPreference => ({
    waId: choice.wa_id,
    userId: choice.user_id,
    category: choice.category,
    value: choice.value,
    detail: choice.detail,
    at: choice.timestamp,
  }));

const userPreferences = z
  .object({
    ...numberShape,
    // An unreadable choice reads as an empty one, so that each keeps its place in Meta's list.
    user_preferences: z.array(userPreference.catch({})).optional().catch(undefined),
  })
  .transform((value): UserPreferencesChange => ({
    kind: AccountEventKind.USER_PREFERENCE,
    phoneNumberId: value.metadata?.phone_number_id,
    preferences: value.user_preferences ?? [],
  }));

const security = z
  .object({ ...numberShape, display_phone_number: text, event: text, requester: text })
  .transform((value): SecurityChange => ({
    kind: AccountEventKind.SECURITY,
    phoneNumberId: value.metadata?.phone_number_id,
    displayPhoneNumber: value.display_phone_number,
    event: value.event,
    requester: value.requester,
  }));

/** The gateway's own payload of a `WEBHOOK_ERROR`: `{ path, reason, raw }` or `{ path, error }`. */
const webhookError = z
  .object({
    path: text,
    reason: text,
    error: nested({
      code: errorCode,
      title: text,
      message: text,
      details: text,
      error_data: nested({ details: text }),
    }),
  })
  .transform(({ path, reason, error }): WebhookErrorEvent => ({
    kind: AccountEventKind.WEBHOOK_ERROR,
    path,
    reason,
    error: error && {
      code: error.code,
      title: error.title,
      message: error.message,
      details: error.error_data?.details ?? error.details,
    },
  }));

const other = z.object(numberShape);

/** The reader of each kind's value; `OTHER` is read by `other`. */
const READERS: Readonly<Record<Exclude<AccountEventKind, AccountEventKind.OTHER>, z.ZodType<AccountChange>>> =
  {
    [AccountEventKind.TEMPLATE_STATUS]: templateStatus,
    [AccountEventKind.TEMPLATE_CATEGORY]: templateCategory,
    [AccountEventKind.TEMPLATE_QUALITY]: templateQuality,
    [AccountEventKind.PHONE_NUMBER_QUALITY]: phoneNumberQuality,
    [AccountEventKind.PHONE_NUMBER_NAME]: phoneNumberName,
    [AccountEventKind.ACCOUNT_UPDATE]: accountUpdate,
    [AccountEventKind.ACCOUNT_ALERT]: accountAlert,
    [AccountEventKind.BUSINESS_CAPABILITY]: businessCapability,
    [AccountEventKind.USER_PREFERENCE]: userPreferences,
    [AccountEventKind.SECURITY]: security,
    [AccountEventKind.WEBHOOK_ERROR]: webhookError,
  };

/**
 * What an event of `kind` says, from its `payload`. Never throws: a kind the gateway does not know, and a
 * payload that is no object, read as `OTHER`.
 */
export function readAccountEvent({
  kind,
  field,
  payload,
}: Pick<NewAccountEvent, 'kind' | 'field'> & { payload: unknown }): AccountChange {
  const reader = kind === AccountEventKind.OTHER ? undefined : READERS[kind];
  const read = reader?.safeParse(payload);
  if (read?.success) return read.data;
  const rest = other.safeParse(payload);
  const phoneNumberId = rest.success ? rest.data.metadata?.phone_number_id : undefined;
  return { kind: AccountEventKind.OTHER, field, phoneNumberId };
}

/** What a change of Meta's `field` with this `value` says (the kind follows from the field). */
export function readAccountChange(field: string, value: unknown): AccountChange {
  return readAccountEvent({ kind: accountEventKindOf(field), field, payload: value });
}
