import { type CauseTextId, flattenCauseWording } from './cause-wording';
import { EN_CAUSES } from './en-causes';
import { EN_TEMPLATE_FAILURES } from './en-template-failures';
import { flattenTemplateFailureWording, type TemplateFailureTextId } from './template-failure-wording';

/**
 * English texts, by message id. `{name}` is replaced by a parameter. Written for a support agent: what
 * happened, what the business can do, what to ask the customer. `zh-tw.ts` has the same ids. The causes'
 * own texts are in `en-causes.ts`, one entry per cause.
 */
const EN_TEXTS = {
  // Shared pieces.
  'text.none': '(not given)',
  'list.separator': ', ',
  'list.and': ' and ',
  'diagnosis.titleWithCode': '{title} (error {code})',
  'evidence.alsoConsidered': 'Also considered: {title}.',
  'explain.unknownCode':
    'Meta returned error {code} ("{codeTitle}"), which is not in the gateway’s catalogue. Details from Meta: {details}',
  'explain.codeRange': 'Codes {code} to {rangeEnd} are permission errors.',

  // What to ask the customer through another channel (Meta's troubleshooting page, 「可能的解決方案」).
  'step.canMessageBusiness':
    'Send a message to the business number on WhatsApp, to confirm it can be reached.',
  'step.notBlocked':
    'Check that the business number is not blocked: Settings > Privacy > Blocked contacts; unblock it if it is listed.',
  'step.acceptTerms':
    'Accept WhatsApp’s latest Terms of Service by opening {tosUrl}; or open Settings > Help > App info, which asks to accept them if not done yet.',
  'step.updateClient': 'Update WhatsApp to the latest version (at least {versions}).',
  'step.updateAllDevices': 'Update WhatsApp on every device where the account is signed in.',
  'step.goOnline': 'Open WhatsApp while connected to the internet, so that waiting messages arrive.',
  'step.resendMedia': 'Send the file again, or through another channel.',

  // Headlines for findings that are not a failure cause.
  'headline.accepted.title': 'Accepted, waiting for the first status',
  'headline.accepted.explanation':
    'Meta’s API accepted the message, but no status (sent, delivered or failed) has arrived yet. It usually follows within seconds.',
  'headline.held.title': 'Held for a quality check',
  'headline.held.explanation':
    'Meta holds this marketing message for a quality assessment before sending it; a status follows when the check is done.',
  'headline.delivered.title': 'Delivered',
  'headline.delivered.explanation': 'Meta confirmed the message reached the customer (status {status}).',
  'headline.deleted.title': 'Deleted',
  'headline.deleted.explanation': 'The message was deleted after it was sent.',
  'headline.warning.title': 'Sent with a warning',
  'headline.warning.explanation':
    'Meta reported a warning for this message (often about catalogue items in it); see the evidence for Meta’s words.',
  'headline.unknownStatus.title': 'Unrecognised status',
  'headline.unknownStatus.explanation': 'The message has a status the gateway does not know: {status}.',
  'headline.timeout.title': 'Meta did not answer in time',
  'headline.timeout.explanation':
    'The call to Meta timed out. The message may have been sent anyway: before sending it again, check whether a status arrives for it. This is not the customer’s fault.',
  'headline.tokenOk.title': 'The access token is fine',
  'headline.tokenOk.explanation': 'The token is valid and has both permissions: {permissions}.',
  'headline.tokenExpiring.title': 'The access token expires soon',
  'headline.tokenExpiring.explanation':
    'The token works today but expires at {expiresAt}; after that every call fails until a new token is configured.',
  'headline.healthOk.title': 'The account can send messages',
  'headline.healthOk.explanation': 'Meta reports every entity of the account as able to send (AVAILABLE).',
  'headline.noEvidence.title': 'Nothing to diagnose',
  'headline.noEvidence.explanation': 'No message, error, token or account data was given.',

  // Evidence lines.
  'fact.status': 'Current status: {status}.',
  'fact.unknownStatus': 'Unrecognised status: {status}.',
  'fact.sentAge': 'Sent at {sentAt}, {ageDays} day(s) ago; no delivery reported since.',
  'fact.acceptedAt': 'Accepted by the API at {createdAt}; no status webhook yet.',
  'fact.held': 'Meta answered held_for_quality_assessment.',
  'fact.marketing.stopped':
    'The customer stopped marketing messages from this business on {at} (user_preferences webhook).',
  'fact.marketing.resumed':
    'The customer opted in to marketing messages on {at} (resumed or signed up, user_preferences webhook); the refusal may predate that choice.',
  'fact.account.template': 'Template {template}: {event}.',
  'fact.account.metaSays': 'Meta says: “{text}”',
  'fact.account.quality': '{subject}: quality {previous} → {current}.',
  'fact.account.phoneEvent': 'Phone number {number}: {event}; messaging limit {limit}.',
  'fact.account.event': 'Account event: {event}.',
  'account.templateQuality.title': 'Template quality dropped',
  'account.templateQuality.explanation':
    'Meta lowered the quality rating of a template: customers blocked or reported its messages, or did not read them. If the rating stays low, Meta pauses the template and may then disable it.',
  'account.phoneQuality.title': 'Phone number quality or messaging limit dropped',
  'account.phoneQuality.explanation':
    'Meta flagged the business phone number for low quality or lowered its messaging limit: customers have been blocking or reporting its messages. Until the quality recovers, fewer customers can be reached each day.',
  'account.limitUp.title': 'Quality restored or messaging limit raised',
  'account.limitUp.explanation': 'Meta cleared a quality flag or raised the messaging limit: nothing to do.',
  'fact.staleAccepted':
    'Still no status after {ageHours} hours: the status webhook may have been lost, and Meta offers no API to fetch it later.',
  'fact.deliveredAt': 'Meta reported {status} at {at}.',
  'fact.conflict': 'Both delivered and failed were reported for this message.',
  'fact.failedNoError': 'Meta reported failed without any error detail.',
  'fact.deleted': 'The message was deleted.',
  'fact.warning': 'Meta reported a warning: {details}',
  'fact.errorCode': 'Meta error {code}: {codeTitle}.',
  'fact.errorDetails': 'Details from Meta: {details}',
  'fact.sendRejected': 'Meta rejected the send (HTTP {httpStatus}).',
  'fact.fbtrace': 'Meta trace id: {fbtraceId}.',
  'fact.httpServerError': 'Meta answered HTTP {httpStatus}, an error on Meta’s side.',
  'fact.transport.timeout': 'The call to Meta timed out.',
  'fact.transport.network': 'Meta could not be reached (network error).',
  'fact.transport.circuit_open': 'Calls to Meta are paused for a moment after repeated failures.',
  'fact.candidate.terms': 'Candidate: the customer has not accepted the new terms ({tosUrl}).',
  'fact.candidate.outdated': 'Candidate: the customer’s WhatsApp is older than {versions}.',
  'fact.region.recipient': 'The customer’s number {number} is in {place} ({certainty}).',
  'fact.region.sender': 'The business number {number} is in {place} ({certainty}).',
  'fact.region.lifted': 'The number {number} is in {place}, which is no longer restricted since {date}.',
  'certainty.certain': 'certain, from the country code',
  'certainty.likely': 'likely, from the area code',
  'certainty.possible': 'possible: this number range is also used elsewhere',
  'fact.window.closed':
    'The customer last wrote at {lastInbound}; the {windowHours}-hour window closed at {windowClosed}.',
  'fact.window.open':
    'The customer last wrote at {lastInbound}; the {windowHours}-hour window is open until {windowClosed}.',
  'fact.window.none':
    'No message from this customer to this business number is known: no window was ever opened.',
  'fact.token.invalid': 'Token debugger: the token is not valid.',
  'fact.token.error': 'Token debugger error {code} (subcode {subcode}): {message}',
  'fact.token.expired': 'The token expired at {expiresAt}.',
  'fact.token.expires': 'The token is valid until {expiresAt}.',
  'fact.token.neverExpires': 'The token never expires.',
  'fact.token.missing': 'The token lacks the permission {permission}.',
  'fact.token.hasAll': 'The token has both permissions: {permissions}.',
  'fact.token.app': 'The token belongs to app {appId}; it must be the app the gateway calls with.',
  'fact.subcode.458': 'Subcode 458: the user has not installed (or removed) the app.',
  'fact.subcode.460': 'Subcode 460: the user changed their password, which ended the token.',
  'fact.subcode.463': 'Subcode 463: the token expired.',
  'fact.subcode.467': 'Subcode 467: the token is invalid (logged out or revoked).',
  'fact.subcode.492': 'Subcode 492: the session is invalid.',
  'fact.subcode.other': 'Subcode {subcode}.',
  'fact.health.overall': 'Account health: {state}.',
  'fact.health.entity': '{entityType} {id}: {state}.',
  'fact.health.entityError': '{entityType} {id}: error {code}: {description} Suggested by Meta: {solution}',
  'fact.ruleFailed': 'The check "{rule}" could not be evaluated on this evidence and was skipped.',
  'fact.noEvidence': 'No message, error, token or account data was given.',

  // Template evidence lines (the template's own facts, from the catalogue the gateway keeps).
  'fact.template.status': 'Template {template}: status {status} since {since}.',
  'fact.template.statusNow': 'Template {template}: status {status}.',
  'fact.template.unknown':
    'Template {template} is not in the gateway’s catalogue: only Meta’s code is known.',
  'fact.template.detectedByGateway':
    'The gateway’s check found this before sending: nothing was sent to Meta.',
  'fact.template.rejectedReason': 'Meta’s reason for the rejection: {reason}.',
  'fact.template.otherLanguages': 'The template exists in other languages: {languages}.',
  'fact.template.category': 'Category: {category}.',
  'fact.template.quality': 'Quality rating: {quality}.',
  'fact.template.component': 'The problem is in the {component} component.',
  'fact.template.countMismatch':
    '{component}: the template expects {expected} parameter(s), the send gave {given}.',
  'fact.template.expects': 'The template expects: {parameters}.',
  'fact.template.expectsNone': 'The template has no parameters.',
  'fact.template.renderedLength':
    'The body is {length} characters once filled in; Meta allows {bodyMaxChars}.',
  'fact.template.offendingText': 'The refused text parameter: {text}.',
  'fact.template.text.newline': 'The text parameter {text} contains a new line.',
  'fact.template.text.tab': 'The text parameter {text} contains a tab.',
  'fact.template.text.spaces': 'The text parameter {text} has more than {maxSpaces} spaces in a row.',
  'fact.template.headerGiven': 'The template’s header takes {expected}; the send gave {given}.',
  'fact.template.headerMissing': 'The template’s header takes {expected}; the send gave no header.',
  'fact.template.pausedUntil':
    'Paused until {until}: it can be sent again from then, in about {hours} hour(s).',
  'fact.template.pausedUntilAt': 'Paused until {until}: it can be sent again from then.',
  'fact.template.pauseOver':
    'The pause ended at {until}: the template can be sent again once Meta reports it approved.',
  'fact.template.pauseCount':
    'Pauses so far: {count}. The first lasts {firstPauseHours} hours, the second {secondPauseHours}; the third disables the template.',
  'fact.template.lastPause': 'This is the second pause: the next one disables the template for good.',
  'fact.template.named': 'The template’s parameters are named: {names}.',
  'fact.template.namesGiven': 'The send named: {names}.',
  'fact.template.namesNone': 'The send gave no parameter_name.',

  // Places (the restricted places Meta's troubleshooting page names).
  'place.CU': 'Cuba',
  'place.IR': 'Iran',
  'place.KP': 'North Korea',
  'place.SY': 'Syria',
  'place.TR': 'Turkey',
  'place.CRIMEA': 'Crimea (Ukraine)',
  'place.SEVASTOPOL': 'Sevastopol, Crimea (Ukraine)',
  'place.DONETSK': 'the Donetsk region (Ukraine)',
  'place.LUHANSK': 'the Luhansk region (Ukraine)',

  // Link titles.
  'link.ERROR_CODES': 'Meta: Cloud API error codes',
  'link.STATUS_PAGE': 'WhatsApp Business API status page',
  'link.TERMS_OF_SERVICE': 'WhatsApp Terms of Service (link for the customer)',
  'link.TOKEN_DEBUGGER': 'Meta Access Token Debugger',
  'link.DIRECT_SUPPORT': 'Meta Direct Support',
  'link.TEMPLATES': 'Meta: message templates',
  'link.CUSTOMER_SERVICE_WINDOW': 'Meta: customer service window',
  'link.THROUGHPUT': 'Meta: throughput and rate limits',
  'link.HEALTH_STATUS': 'Meta: health status',
  'link.TROUBLESHOOTING': 'Meta: Cloud API support and troubleshooting',
  'link.POLICY_ENFORCEMENT': 'Meta: policy enforcement',

  // Error codes (Meta's error-code reference): what it means, what to do.
  'code.0.description':
    'Meta could not authenticate the app user; the token most likely expired or was revoked.',
  'code.0.solution': 'Generate a new access token and configure it.',
  'code.1.description':
    'Meta reports an unknown error: either a malformed request or a problem on Meta’s side.',
  'code.1.solution': 'Check the status page and the request, then retry after a short wait.',
  'code.2.description': 'Error 2 is Meta’s “API service” error: the API is briefly down or overloaded.',
  'code.2.solution': 'Wait {maintenanceMinutes} minutes, then retry.',
  'code.3.description': 'The app lacks the capability or permission for this call.',
  'code.3.solution': 'Check the token’s permissions in the Access Token Debugger.',
  'code.4.description': 'The app reached its API call rate limit.',
  'code.4.solution': 'Back off and spread calls over time.',
  'code.10.description': 'The permission for this call was not granted, or was removed.',
  'code.10.solution': 'Grant {permissions} and generate a new token.',
  'code.33.description': 'The business phone number id is wrong, or the number was deleted.',
  'code.33.solution': 'Check the phone number id the gateway sends from.',
  'code.100.description': 'A parameter is invalid, misspelled or not supported.',
  'code.100.solution': 'Fix the parameter named in the details.',
  'code.190.description': 'The access token expired or was invalidated.',
  'code.190.solution': 'Generate a new token (a system-user token need not expire).',
  'code.200.description': 'The permission for this call was not granted, or was removed.',
  'code.200.solution': 'Check the token’s permissions and generate a new token with {permissions}.',
  'code.368.description': 'The account is temporarily blocked for violating a policy.',
  'code.368.solution': 'Read the policy enforcement notice in WhatsApp Manager; appeal if it is a mistake.',
  'code.80007.description': 'The WhatsApp Business Account reached its rate limit.',
  'code.80007.solution': 'Back off and send more slowly.',
  'code.80008.description': 'Too many calls were made to this WhatsApp Business Account in a short time.',
  'code.80008.solution': 'Back off and spread calls to the account over time.',
  'code.130429.description': 'The phone number’s message throughput was reached.',
  'code.130429.solution': 'Slow down and spread sends over time.',
  'code.130472.description':
    'The customer’s number is part of an experiment; marketing messages are not delivered to it.',
  'code.130472.solution': 'Nothing to fix: reach the customer another way.',
  'code.130497.description': 'The business account may not message users in the customer’s country.',
  'code.130497.solution': 'Do not send to that country through the platform.',
  'code.131000.description': 'Something went wrong inside Meta (an unknown internal error).',
  'code.131000.solution': 'Retry; if it keeps happening, contact Meta support.',
  'code.131005.description': 'Access was denied: a permission was not granted, or was removed.',
  'code.131005.solution': 'Check the token’s permissions and generate a new token with {permissions}.',
  'code.131008.description': 'A required parameter is missing.',
  'code.131008.solution': 'Add the parameter named in the details.',
  'code.131009.description': 'A parameter value is not valid (this includes the phone number).',
  'code.131009.solution': 'Fix the value named in the details.',
  'code.131016.description': 'A service is temporarily unavailable.',
  'code.131016.solution': 'Retry later.',
  'code.131021.description': 'The message was addressed to the sender’s own number.',
  'code.131021.solution': 'Send to another number.',
  'code.131026.description':
    'The message could not be delivered: the number may not be on WhatsApp, or the customer has not accepted the new terms, or uses an outdated app.',
  'code.131026.solution': 'Ask the customer through another channel to check the steps listed.',
  'code.131030.description': 'A test number may only message the recipients on its allowed list.',
  'code.131030.solution': 'Add the recipient to the allowed list, or use a production number.',
  'code.131031.description':
    'The account was locked, for a policy violation or because its two-step verification data could not be verified.',
  'code.131031.solution': 'Read the notice in WhatsApp Manager and contact Meta support.',
  'code.131037.description': 'The phone number’s display name must be approved before messages can be sent.',
  'code.131037.solution': 'Get the display name approved in WhatsApp Manager.',
  'code.131042.description':
    'There is a payment problem with the account (no or invalid payment method, credit line).',
  'code.131042.solution': 'Fix the payment setup in WhatsApp Manager.',
  'code.131044.description':
    'Business-initiated calls need a valid payment method on the WhatsApp Business Account.',
  'code.131044.solution': 'Add or fix the payment method in WhatsApp Manager.',
  'code.131045.description': 'The phone number’s registration certificate is wrong.',
  'code.131045.solution': 'Register the phone number again.',
  'code.131047.description':
    'More than {windowHours} hours have passed since the customer last wrote; only a template may be sent.',
  'code.131047.solution': 'Send an approved template instead.',
  'code.131048.description': 'Too many messages were blocked or flagged as spam, so sending is limited.',
  'code.131048.solution': 'Improve message quality and send less.',
  'code.131049.description':
    'Meta did not deliver the message to keep engagement healthy (per-user limit on marketing templates).',
  'code.131049.solution': 'Do not resend at once; space marketing messages out.',
  'code.131050.description': 'The customer stopped marketing messages from this business.',
  'code.131050.solution': 'Respect the opt-out; do not send marketing messages to this customer.',
  'code.131051.description': 'The message type is not supported.',
  'code.131051.solution': 'Use a supported message type.',
  'code.131052.description': 'Media sent by the customer could not be downloaded.',
  'code.131052.solution': 'Ask the customer to send the file again, or another way.',
  'code.131053.description': 'The media to send could not be uploaded or fetched.',
  'code.131053.solution': 'Check the media’s type, size and URL.',
  'code.131055.description': 'The HTTP method is not allowed on this path.',
  'code.131055.solution': 'Use the documented method.',
  'code.131056.description':
    'Too many messages to the same customer in a short time (about one every {pairSeconds} seconds is allowed).',
  'code.131056.solution': 'Wait before sending to this customer again.',
  'code.131057.description': 'The account is in maintenance mode, for example during a throughput upgrade.',
  'code.131057.solution': 'Retry in a few minutes.',
  'code.131062.description':
    'The recipient was given as a business-scoped user id (BSUID), which cannot be used as the recipient of this message.',
  'code.131062.solution':
    'Send to the customer’s phone number instead, or use a message type that accepts a BSUID.',
  'code.131063.description':
    'Marketing templates cannot be sent through the Cloud API messages endpoint for this business: they must go through the Marketing Messages API.',
  'code.131063.solution':
    'Send marketing templates through the Marketing Messages API; utility and authentication templates still work here.',
  'code.131064.description':
    'The account reached its messaging limit because of template classification violations (templates in the wrong category). This stops template messages and Direct Send messages alike until the enforcement period ends.',
  'code.131064.solution':
    'Put every template in the right category (marketing, utility, authentication), then send again after the limit lifts.',
  'code.132000.description': 'The number of parameters does not match the template.',
  'code.132000.solution': 'Send exactly the number of parameters the template has.',
  'code.132001.description': 'No approved template with that name and language exists.',
  'code.132001.solution': 'Check the template’s name, language and approval.',
  'code.132005.description': 'The template text is too long once the parameters are filled in.',
  'code.132005.solution': 'Shorten the parameters.',
  'code.132007.description': 'The content breaks the template’s formatting policy.',
  'code.132007.solution': 'Fix the parameter text (characters, line breaks, formatting).',
  'code.132012.description': 'A parameter has the wrong format.',
  'code.132012.solution': 'Send the parameter in the format the template expects.',
  'code.132015.description': 'The template is paused because of low quality.',
  'code.132015.solution': 'Edit the template, or wait until Meta reactivates it.',
  'code.132016.description': 'The template is disabled because of low quality.',
  'code.132016.solution': 'Create a new template.',
  'code.132018.description':
    'There is a problem with the template’s parameters: a name, type or value does not fit the template.',
  'code.132018.solution': 'Send the parameters the template defines, with the right names, types and values.',
  'code.132068.description': 'The flow is blocked.',
  'code.132068.solution': 'Fix the flow in WhatsApp Manager.',
  'code.132069.description': 'The flow is throttled.',
  'code.132069.solution': 'Send fewer messages with this flow.',
  'code.133000.description': 'An earlier deregistration of the number did not finish.',
  'code.133000.solution': 'Deregister the number again, then register it.',
  'code.133004.description': 'The server is temporarily unavailable.',
  'code.133004.solution': 'Retry later.',
  'code.133005.description': 'The two-step verification PIN is wrong.',
  'code.133005.solution': 'Use the right PIN, or reset it.',
  'code.133006.description': 'The phone number must be verified again.',
  'code.133006.solution': 'Verify the phone number.',
  'code.133008.description': 'Too many wrong two-step verification PINs were tried.',
  'code.133008.solution': 'Wait as long as the details say, then try again.',
  'code.133009.description': 'PINs were tried too fast.',
  'code.133009.solution': 'Wait as the details say, then try again.',
  'code.133010.description': 'The business phone number is not registered on the platform.',
  'code.133010.solution': 'Register the phone number.',
  'code.133015.description': 'The number was deleted recently and cannot be registered yet.',
  'code.133015.solution': 'Wait {maintenanceMinutes} minutes, then register.',
  'code.133016.description': 'Too many register or deregister attempts.',
  'code.133016.solution': 'Wait and try again later.',
  'code.134100.description':
    'The Marketing Messages API only sends marketing templates, and this template is not one.',
  'code.134100.solution':
    'Send this template through the Cloud API messages endpoint, or use a marketing template.',
  'code.134101.description':
    'The template is still syncing to the Marketing Messages API, which takes about 10 minutes after approval or an edit.',
  'code.134101.solution': 'Wait about 10 minutes, then send again.',
  'code.134102.description': 'The template is not available for the Marketing Messages API.',
  'code.134102.solution':
    'Check the template’s status and the business’s Marketing Messages API onboarding in WhatsApp Manager.',
  'code.135000.description': 'An unknown error with the request’s parameters.',
  'code.135000.solution': 'Check the request against Meta’s reference.',
  'code.137000.description':
    'The recipient identity key hash sent with the message no longer matches the customer’s identity, for example after a new phone or a reinstall, so the message was stopped.',
  'code.137000.solution':
    'Confirm the customer’s identity through another channel, then send with the current identity key hash.',
  'code.139200.description': 'Direct Send is blocked for this business, so the message was not sent.',
  'code.139200.solution':
    'Send an approved template instead, and check the Direct Send status in WhatsApp Manager.',
  'code.141006.description': 'A payment method problem blocks business-initiated conversations.',
  'code.141006.solution': 'Add a valid payment method to the account.',
  'code.2388318.description':
    'The template cannot be updated now (its status or the edit limits do not allow it).',
  'code.2388318.solution': 'Wait until editing is allowed again, or create a new template.',
  'code.2388330.description': 'The template cannot be deleted now.',
  'code.2388330.solution': 'Check the template’s status in WhatsApp Manager and try again later.',
} as const;

/** The ids of the texts that are not a cause's own; `zh-tw.ts` must define exactly these. */
export type SharedMessageId = keyof typeof EN_TEXTS;

/** Every text id: the shared texts and, for each cause, `cause.<CAUSE>.title`, `.explanation`, `.possible.<n>`, `.solution.<n>`. */
export type MessageId =
  SharedMessageId | CauseTextId<typeof EN_CAUSES> | TemplateFailureTextId<typeof EN_TEMPLATE_FAILURES>;

/** Every English text, by id. */
export const EN: Readonly<Record<MessageId, string>> = {
  ...EN_TEXTS,
  ...flattenCauseWording(EN_CAUSES),
  ...flattenTemplateFailureWording(EN_TEMPLATE_FAILURES),
};
