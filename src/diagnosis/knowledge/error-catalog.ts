import { DiagnosisCause } from '../diagnosis-cause';
import { MAINTENANCE_SECONDS, PAIR_RATE_LIMIT_SECONDS } from './windows';

/** The family an error code belongs to, as Meta's reference groups them. */
export enum ErrorCategory {
  AUTHORIZATION = 'AUTHORIZATION',
  THROTTLING = 'THROTTLING',
  INTEGRITY = 'INTEGRITY',
  PARAMETER = 'PARAMETER',
  RECIPIENT = 'RECIPIENT',
  SERVICE = 'SERVICE',
  /** Meta's troubleshooting page's 「整合錯誤」 (integration error): setup problems on the business side. */
  INTEGRATION = 'INTEGRATION',
  TEMPLATE = 'TEMPLATE',
  FLOW = 'FLOW',
  MEDIA = 'MEDIA',
  REGISTRATION = 'REGISTRATION',
  PAYMENT = 'PAYMENT',
}

/** One catalogued Cloud API error code. */
export interface ErrorCodeInfo {
  code: number;
  /** Set when the entry covers a range (`code`…`rangeEnd`, inclusive), like 200–299. */
  rangeEnd?: number;
  /** The title in English, as Meta names it. */
  title: string;
  /** The HTTP status Meta answers with, when fixed. */
  httpStatus?: number;
  cause: DiagnosisCause;
  /** Whether sending the same request again can succeed (after `retryAfterSeconds` when set). */
  retryable: boolean;
  retryAfterSeconds: number | null;
  category: ErrorCategory;
}

const C = DiagnosisCause;
const K = ErrorCategory;

/** A code that no wait can fix. */
const fatal = (
  code: number,
  title: string,
  httpStatus: number | undefined,
  cause: DiagnosisCause,
  category: ErrorCategory,
) =>
  ({
    code,
    title,
    httpStatus,
    cause,
    category,
    retryable: false,
    retryAfterSeconds: null,
  }) satisfies ErrorCodeInfo;

/** A code that clears by itself: retry after `seconds`. */
const transient = (
  code: number,
  title: string,
  httpStatus: number | undefined,
  cause: DiagnosisCause,
  category: ErrorCategory,
  seconds: number,
) =>
  ({
    code,
    title,
    httpStatus,
    cause,
    category,
    retryable: true,
    retryAfterSeconds: seconds,
  }) satisfies ErrorCodeInfo;

/**
 * Source: Meta's error-code reference (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes)
 * for titles and HTTP statuses, and Meta's troubleshooting page for the families it names. Retry figures
 * are the gateway's decisions where Meta gives none; each is explained inline.
 */
export const ERROR_CATALOG: readonly ErrorCodeInfo[] = [
  // Authorization: the troubleshooting page's 「驗證和授權錯誤」 (authentication and authorization errors).
  fatal(0, 'AuthException', 401, C.ACCESS_TOKEN, K.AUTHORIZATION),
  fatal(3, 'API Method', 500, C.PERMISSION_MISSING, K.AUTHORIZATION),
  fatal(10, 'Permission Denied', 403, C.PERMISSION_MISSING, K.AUTHORIZATION),
  fatal(190, 'Access token has expired', 401, C.ACCESS_TOKEN, K.AUTHORIZATION),
  { ...fatal(200, 'API Permission', 403, C.PERMISSION_MISSING, K.AUTHORIZATION), rangeEnd: 299 },
  // Grouped with the integration errors; the cause follows what it means: permission not granted or removed.
  fatal(131005, 'Access denied', 403, C.PERMISSION_MISSING, K.INTEGRATION),

  // Service (the troubleshooting page's error code 2 and reliability FAQ). 60 s is a first backoff step,
  // not a promise.
  transient(1, 'API Unknown', 400, C.UNKNOWN, K.SERVICE, 60),
  // API updates cause up to 5 minutes of downtime; Meta says to wait 5 minutes.
  transient(2, 'API Service', 503, C.SERVICE_DOWNTIME, K.SERVICE, MAINTENANCE_SECONDS),
  // Grouped with the integration errors; the cause follows what it means: an unknown internal error.
  transient(131000, 'Something went wrong', 500, C.UNKNOWN, K.INTEGRATION, 60),
  transient(131016, 'Service unavailable', 500, C.SERVICE_DOWNTIME, K.SERVICE, 60),
  // An account upgrade (e.g. throughput) usually takes minutes: the same wait as an API update.
  transient(131057, 'Account in maintenance mode', 500, C.SERVICE_DOWNTIME, K.SERVICE, MAINTENANCE_SECONDS),
  transient(133004, 'Server temporarily unavailable', 503, C.SERVICE_DOWNTIME, K.SERVICE, 60),

  // Throttling. App- and account-level limits are counted over windows of minutes to an hour.
  transient(4, 'API Too Many Calls', 400, C.RATE_LIMITED, K.THROTTLING, 60),
  transient(80007, 'Rate limit issues', 400, C.RATE_LIMITED, K.THROTTLING, 60),
  // Too many calls to one WhatsApp Business Account in a short time, counted like 80007.
  transient(80008, 'Too many calls to the WhatsApp Business Account', 400, C.RATE_LIMITED, K.THROTTLING, 60),
  // Throughput per number (80 msg/s by default): a short pause is enough.
  transient(130429, 'Rate limit hit', 400, C.RATE_LIMITED, K.THROTTLING, 5),
  // Spam limit: sending is limited until quality improves; an hour is the least that makes sense.
  transient(131048, 'Spam rate limit hit', 400, C.RATE_LIMITED, K.THROTTLING, 3600),
  // Meta's pair rate limit: about one message every 6 seconds per business–customer pair.
  transient(
    131056,
    '(Business Account, Consumer Account) pair rate limit hit',
    400,
    C.RATE_LIMITED,
    K.THROTTLING,
    PAIR_RATE_LIMIT_SECONDS,
  ),
  transient(132069, 'Flow is in throttled state', 400, C.RATE_LIMITED, K.FLOW, 600),

  // Integrity and policy.
  // The block lasts as long as the enforcement notice says; a retry before that only fails again.
  fatal(368, 'Temporarily blocked for policies violations', 403, C.ACCOUNT_RESTRICTED, K.INTEGRITY),
  fatal(131031, 'Account has been locked', 403, C.ACCOUNT_RESTRICTED, K.INTEGRITY),
  // An enforcement after repeated template category violations; it covers templates and
  // Direct Send alike and lifts by itself after a period Meta does not publish. An hour is the least that
  // makes sense before trying again, as for the spam limit.
  transient(
    131064,
    'Messaging limit reached for template classification violations',
    400,
    C.ACCOUNT_RESTRICTED,
    K.INTEGRITY,
    3600,
  ),
  // Direct Send (utility text without a template of the business's own) is refused for this business.
  fatal(139200, 'Direct Send blocked', 400, C.ACCOUNT_RESTRICTED, K.INTEGRITY),
  fatal(
    130497,
    'Business account is restricted from messaging users in this country',
    403,
    C.SANCTIONED_REGION,
    K.INTEGRITY,
  ),
  // health_status only: a payment problem blocks business-initiated conversations.
  fatal(141006, 'Payment method error', undefined, C.ACCOUNT_RESTRICTED, K.PAYMENT),

  // Recipient side: why a message is not delivered (troubleshooting page, 「訊息未送達」).
  fatal(131026, 'Message undeliverable', 400, C.RECIPIENT_UNREACHABLE, K.RECIPIENT),
  fatal(130472, "User's number is part of an experiment", 400, C.EXPERIMENT_GROUP, K.RECIPIENT),
  // Not retryable by automation: Meta keeps refusing while the per-user marketing limit holds, and each
  // refused resend counts against engagement. A person may decide to send again later, if still relevant.
  fatal(131049, 'Meta chose not to deliver', 400, C.MARKETING_LIMIT, K.RECIPIENT),
  fatal(131050, 'User has stopped marketing messages', 400, C.RECIPIENT_UNREACHABLE, K.RECIPIENT),
  // Not retryable as is: only a template can open the window again (or the customer writing first).
  fatal(131047, 'Re-engagement message', 400, C.REENGAGEMENT_WINDOW, K.RECIPIENT),

  // Invalid request: the troubleshooting page's 「無效的要求參數」 (invalid request parameters).
  fatal(33, 'Parameter value is not valid', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(100, 'Invalid parameter', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131008, 'Required parameter is missing', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131009, 'Parameter value is not valid', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131021, 'Recipient cannot be sender', 400, C.INVALID_REQUEST, K.PARAMETER),
  // A business-scoped user id (BSUID) in `to` where only a phone number is allowed.
  fatal(131062, 'BSUID cannot be used as recipient for this message', 400, C.INVALID_REQUEST, K.PARAMETER),
  // The `recipient_identity_key_hash` sent no longer matches the customer's identity (new phone or
  // reinstall): the request's own safeguard stopped it; sending again unchanged fails the same way.
  fatal(137000, 'Recipient identity key hash mismatch', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131030, 'Recipient phone number not in allowed list', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131051, 'Unsupported message type', 400, C.INVALID_REQUEST, K.PARAMETER),
  fatal(131055, 'Method not allowed', 405, C.INVALID_REQUEST, K.PARAMETER),
  fatal(135000, 'Generic user error', 400, C.INVALID_REQUEST, K.PARAMETER),

  // Integration: the troubleshooting page's 「整合錯誤」 (integration error); each cause follows the code's meaning.
  fatal(
    131037,
    'WhatsApp provided number needs display name approval before message can be sent',
    400,
    C.PHONE_NUMBER,
    K.INTEGRATION,
  ),
  fatal(131042, 'Business eligibility payment issue', 400, C.INTEGRATION_ERROR, K.INTEGRATION),
  // The calling counterpart of 131042: business-initiated calls need a valid payment method.
  fatal(131044, 'Payment method required for calling', 400, C.INTEGRATION_ERROR, K.PAYMENT),
  // Marketing templates go through the Marketing Messages API for this business, not the messages endpoint.
  fatal(131063, 'Marketing templates disabled on Cloud API', 400, C.INTEGRATION_ERROR, K.TEMPLATE),
  fatal(131045, 'Incorrect certificate', 500, C.PHONE_NUMBER, K.INTEGRATION),

  // Media.
  fatal(131052, 'Media download error', 400, C.MEDIA, K.MEDIA),
  fatal(131053, 'Media upload error', 400, C.MEDIA, K.MEDIA),

  // Templates and flows.
  fatal(132000, 'Template param count mismatch', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132001, 'Template does not exist', 404, C.TEMPLATE, K.TEMPLATE),
  fatal(132005, 'Template hydrated text too long', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132007, 'Template format character policy violated', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132012, 'Template parameter format mismatch', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132015, 'Template is paused', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132016, 'Template is disabled', 400, C.TEMPLATE, K.TEMPLATE),
  // v23.0+: the parameters sent do not fit the template (names, types or values).
  fatal(132018, 'Template parameter issue', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(132068, 'Flow is in blocked state', 400, C.TEMPLATE, K.FLOW),

  // The Marketing Messages API (Meta's own endpoint for marketing templates).
  fatal(134100, 'Not a marketing template', 400, C.TEMPLATE, K.TEMPLATE),
  // A newly approved or edited template reaches the Marketing Messages API after about 10 minutes.
  transient(134101, 'Template still syncing', 400, C.TEMPLATE, K.TEMPLATE, 600),
  fatal(134102, 'Template unavailable', 400, C.TEMPLATE, K.TEMPLATE),

  // Template management (message_templates edge): refused edits and deletions.
  fatal(2388318, 'Template cannot be updated', 400, C.TEMPLATE, K.TEMPLATE),
  fatal(2388330, 'Template cannot be deleted', 400, C.TEMPLATE, K.TEMPLATE),

  // Phone number registration.
  fatal(133000, 'Incomplete deregistration', 500, C.PHONE_NUMBER, K.REGISTRATION),
  fatal(133005, 'Two step verification PIN mismatch', 400, C.PHONE_NUMBER, K.REGISTRATION),
  fatal(133006, 'Phone number re-verification needed', 400, C.PHONE_NUMBER, K.REGISTRATION),
  // Meta states the wait in the details; no fixed figure.
  fatal(133008, 'Too many two step verification PIN guesses', 400, C.PHONE_NUMBER, K.REGISTRATION),
  transient(133009, 'Two step verification PIN guessed too fast', 400, C.PHONE_NUMBER, K.REGISTRATION, 60),
  fatal(133010, 'Phone number not registered', 400, C.PHONE_NUMBER, K.REGISTRATION),
  // Meta's reference: wait 5 minutes after a deletion, then register.
  transient(
    133015,
    'Please wait a few minutes before attempting to register this phone number',
    400,
    C.PHONE_NUMBER,
    K.REGISTRATION,
    300,
  ),
  transient(
    133016,
    'Account register/deregister rate limit exceeded',
    400,
    C.PHONE_NUMBER,
    K.REGISTRATION,
    3600,
  ),
];

/** The catalogue entry for `code` (exact, or within a range), or undefined when Meta's code is not catalogued. */
export function findErrorCode(code: number): ErrorCodeInfo | undefined {
  return ERROR_CATALOG.find(
    (e) => e.code === code || (e.rangeEnd !== undefined && code >= e.code && code <= e.rangeEnd),
  );
}
