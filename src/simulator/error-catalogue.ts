/**
 * The Graph API errors the simulator can answer with: Meta's title, the HTTP status Meta answers it
 * with, and whether Meta flags it transient. Source: Meta's Cloud API error-code reference
 * page. Only the codes some scenario or validation uses are listed.
 */
export interface GraphErrorDefinition {
  readonly title: string;
  readonly httpStatus: number;
  readonly transient: boolean;
  /** Meta answers most errors as OAuthException; object-lookup errors as GraphMethodException. */
  readonly type: 'OAuthException' | 'GraphMethodException';
  /** Meta's usual `error_data.details` for this code, used in failed statuses. */
  readonly details?: string;
}

const define = (
  title: string,
  httpStatus: number,
  options: { transient?: boolean; type?: GraphErrorDefinition['type']; details?: string } = {},
): GraphErrorDefinition => ({
  title,
  httpStatus,
  transient: options.transient ?? false,
  type: options.type ?? 'OAuthException',
  ...(options.details === undefined ? {} : { details: options.details }),
});

export const GRAPH_ERROR_CATALOGUE: Readonly<Record<number, GraphErrorDefinition>> = Object.freeze({
  1: define('An unknown error has occurred.', 500, { transient: true }),
  2: define('Service temporarily unavailable', 503, {
    transient: true,
    details: 'Service temporarily unavailable. Please retry your request later.',
  }),
  10: define('Application does not have permission for this action', 403),
  100: define('Invalid parameter', 400),
  104: define('An access token is required to request this resource.', 400),
  190: define('Access token has expired', 401),
  130472: define("User's number is part of an experiment", 400, {
    details: "Message failed to send because the user's phone number is part of an experiment.",
  }),
  130497: define('Business account is restricted from messaging users in this country', 403),
  131000: define('Something went wrong', 500, { transient: true }),
  131026: define('Message undeliverable', 400, { details: 'Message Undeliverable.' }),
  131047: define('Re-engagement message', 400, {
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  }),
  131049: define('This message was not delivered to maintain healthy ecosystem engagement.', 400, {
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  }),
  131053: define('Media upload error', 400, {
    details: 'Unable to download the media from the link provided.',
  }),
  131055: define('Method not allowed', 405),
  131056: define('(Business Account, Consumer Account) pair rate limit hit', 400),
  132000: define('Number of parameters does not match the expected number of params', 400),
  132001: define('Template name does not exist in the translation', 404),
  132012: define('Parameter format does not match format in the created template', 400),
  132015: define('Template is Paused', 400),
  132016: define('Template is Disabled', 400),
  132018: define('There was an issue with the parameters in your template.', 400),
});

/** The definition for a code; unknown codes get a generic 400 so a typo never crashes a request. */
export function graphErrorDefinition(code: number): GraphErrorDefinition {
  return GRAPH_ERROR_CATALOGUE[code] ?? define('Unknown error', 400);
}

/** The page Meta links from every status error. */
export const ERROR_CODES_HREF =
  'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';
