import { DiagnosisCause } from '../diagnosis-cause';
import { type CauseWordingTable } from './cause-wording';

const C = DiagnosisCause;

/**
 * What the English diagnosis says about each cause. The other locales follow this table: the same causes,
 * and as many possible causes and solutions for each (`TranslationOf`).
 */
export const EN_CAUSES = {
  [C.NONE]: {
    title: 'No problem found',
    explanation: 'Nothing in the evidence points to a problem.',
    possible: [],
    solutions: [],
  },
  [C.RECIPIENT_OFFLINE]: {
    title: 'Sent, not delivered yet',
    explanation:
      'Meta sent the message, but no device of the customer has confirmed it yet. For privacy and policy reasons the platform does not reveal why. Most often the customer is simply offline: Meta keeps the message and keeps trying for up to {retentionDays} days.',
    possible: [
      'The customer has been offline (phone off, no data, WhatsApp not opened); messages are kept for up to {retentionDays} days.',
      'The customer blocked this business number, or another number of the same business. The platform handles both cases the same way and does not say which applies.',
    ],
    solutions: [
      'Wait: the delivery status arrives as soon as one of the customer’s devices comes online.',
      'Do not resend the same message now: it is still queued, and the customer would get it twice.',
      'If it is urgent, contact the customer through another channel and go through the steps below together.',
    ],
  },
  [C.OFFLINE_EXPIRED]: {
    title: 'Not delivered within {retentionDays} days',
    explanation:
      'The message was sent {retentionDays} or more days ago and never delivered. Meta keeps messages for offline customers only for {retentionDays} days, so this one will not arrive.',
    possible: ['The customer stayed offline for the whole {retentionDays}-day period.'],
    solutions: [
      'Do not retry this message as is. If it is still relevant, send a new one (a template, since the {windowHours}-hour customer service window has most likely closed).',
      'Check through another channel that the customer still uses this number on WhatsApp.',
    ],
  },
  [C.RECIPIENT_UNREACHABLE]: {
    title: 'The customer cannot receive this message',
    explanation:
      'Meta could not deliver the message to this number and does not say which of several reasons applies. The usual suspects are listed below; only the customer can check them.',
    possible: [
      'The number is not (or no longer) registered on WhatsApp.',
      'The customer has not accepted WhatsApp’s new Terms of Service and Privacy Policy ({tosUrl}).',
      'The customer uses an old WhatsApp version. Minimum versions: {versions}.',
      'The customer blocked this business number or another number of the same business.',
      'The customer turned off marketing messages from this business.',
    ],
    solutions: [
      'Do not resend automatically: the same message keeps failing until the customer acts.',
      'Contact the customer through another channel (SMS, email, a call) and ask them to go through the steps below.',
    ],
  },
  [C.TERMS_NOT_ACCEPTED]: {
    title: 'The customer has not accepted the new WhatsApp terms',
    explanation:
      'A WhatsApp user must accept the current Terms of Service and Privacy Policy to receive messages from businesses.',
    possible: [],
    solutions: ['Send the customer the link {tosUrl} through another channel.'],
  },
  [C.OUTDATED_CLIENT]: {
    title: 'The customer’s WhatsApp is too old',
    explanation:
      'Messages from the Cloud API reach only recent WhatsApp clients. Minimum versions: {versions}.',
    possible: [],
    solutions: ['Ask the customer through another channel to update WhatsApp.'],
  },
  [C.EXPERIMENT_GROUP]: {
    title: 'The customer is in an experiment group',
    explanation:
      'Meta placed this number in an experiment in which marketing messages are not delivered. Neither the message nor the account is at fault.',
    possible: [],
    solutions: [
      'Do not resend. Reach the customer through another channel, or later with a non-marketing message when there is a real reason to.',
    ],
  },
  [C.MARKETING_LIMIT]: {
    title: 'Meta held back a marketing message',
    explanation:
      'Meta chose not to deliver this marketing template to keep the customer’s experience healthy: the customer has, for now, reached the limit of marketing messages they receive from businesses.',
    possible: [
      'The customer received several marketing messages recently, from any business.',
      'Earlier marketing messages got little engagement from this customer.',
    ],
    solutions: [
      'Do not resend at once: an immediate resend is held back the same way and weighs on engagement.',
      'Space marketing messages out over days and send fewer of them.',
      'Make each message relevant to the customer (segment, pick the moment) so that it gets opened.',
      'Keep utility templates for real transactional updates, not for promotions.',
    ],
  },
  [C.SANCTIONED_REGION]: {
    title: 'The customer is in a place WhatsApp Business cannot serve',
    explanation:
      'WhatsApp users in Cuba, Iran, North Korea, Syria and the Crimea, Donetsk and Luhansk regions of Ukraine cannot receive messages sent through the WhatsApp Business Platform.',
    possible: [],
    solutions: [
      'Do not send to this number through the platform; the gateway refuses such sends before they reach Meta.',
      'Use another channel that is lawful for this customer.',
      'If the number is in fact used elsewhere (area codes are approximate), confirm with the customer before doing anything else.',
    ],
  },
  [C.INVALID_REQUEST]: {
    title: 'The request is invalid',
    explanation:
      'Meta rejected the request because a parameter is missing, wrong or not supported. Meta names it in the details: {details}',
    possible: [],
    solutions: [
      'Fix the parameter named in the details, then send again.',
      'Compare the request with Meta’s reference for the messages endpoint.',
    ],
  },
  [C.INTEGRATION_ERROR]: {
    title: 'The business’s platform setup is incomplete',
    explanation:
      'Something in the business’s setup (payment, eligibility, phone number or app) stops the message; the message itself is fine.',
    possible: [],
    solutions: [
      'Check the payment method and credit line in WhatsApp Manager.',
      'Check the phone number and app settings in the Meta app dashboard.',
    ],
  },
  [C.SERVICE_DOWNTIME]: {
    title: 'The platform is temporarily unavailable',
    explanation:
      'Meta’s service could not handle the request just now. This is neither the customer’s fault nor a problem with the message. While Meta updates the API, it can be down for up to {maintenanceMinutes} minutes.',
    possible: [
      'An API update at Meta (up to {maintenanceMinutes} minutes).',
      'A partial outage or overload at Meta.',
      'A network problem between the gateway and Meta.',
    ],
    solutions: [
      'Retry later with growing pauses, not in a tight loop.',
      'Look at the WhatsApp Business API status page.',
      'Meta offers no SLA on uptime or latency. If the problem lasts while the status page shows nothing, open a direct support ticket.',
    ],
  },
  [C.ACCESS_TOKEN]: {
    title: 'The access token does not work',
    explanation:
      'Meta could not authenticate the call: the access token expired, was revoked or is not valid.',
    possible: [
      'The token expired (user tokens do; a system-user token need not).',
      'The user changed their password or the session was ended.',
      'The token belongs to another app, or the app was removed.',
    ],
    solutions: [
      'Paste the token into the Access Token Debugger and check that it is valid and has {permissions}.',
      'Generate a new token: choose the Meta app the gateway calls with and the permissions {permissions}. Prefer a system-user token, which need not expire.',
      'Put the new token in the gateway configuration and restart it.',
    ],
  },
  [C.PERMISSION_MISSING]: {
    title: 'The access token lacks a permission',
    explanation:
      'The token is not allowed to do this: a permission is missing, was removed, or does not cover this WhatsApp Business Account.',
    possible: [],
    solutions: [
      'Paste the token into the Access Token Debugger and check that both {permissions} are selected.',
      'Generate a new token: choose the Meta app the gateway calls with and both permissions {permissions}.',
      'Check that the permissions cover this WhatsApp Business Account (the granular scopes list its id).',
    ],
  },
  [C.RATE_LIMITED]: {
    title: 'Sending too fast',
    explanation:
      'Meta refused the call because a rate limit was reached: for the app, the account, the phone number, or this one customer (about one message every {pairSeconds} seconds per customer).',
    possible: [],
    solutions: [
      'Retry after the suggested wait, backing off further if it happens again.',
      'Spread sends over time through a queue instead of sending in bursts.',
      'If messages are flagged as spam, improve their quality before sending more.',
    ],
  },
  [C.REENGAGEMENT_WINDOW]: {
    title: 'Outside the {windowHours}-hour customer service window',
    explanation:
      'Free-form messages can be sent only within {windowHours} hours of the customer’s last message. Outside that window, only an approved template can be sent.',
    possible: [],
    solutions: [
      'Send an approved message template instead.',
      'Or wait for the customer to write again, which opens the window for another {windowHours} hours.',
    ],
  },
  [C.TEMPLATE]: {
    title: 'Problem with the message template',
    explanation:
      'The template, or the parameters sent with it, do not match what Meta approved, or the template cannot be used right now.',
    possible: [],
    solutions: [
      'Check the template’s name, language and status in WhatsApp Manager.',
      'Send exactly the parameters the template expects, in the expected format and length.',
    ],
  },
  [C.MEDIA]: {
    title: 'The media could not be processed',
    explanation: 'Meta could not fetch, upload or download the media of the message.',
    possible: [],
    solutions: [
      'Check that the media URL is public and reachable, has the right content type and is within the size limits.',
      'Upload the media first and send it by id rather than by link.',
    ],
  },
  [C.ACCOUNT_RESTRICTED]: {
    title: 'The business account is restricted',
    explanation:
      'Meta restricts this business account or number, so it cannot send some or all messages. Businesses located in Cuba, Iran, North Korea, Syria and the sanctioned regions of Ukraine are not eligible; policy violations and payment problems also restrict an account.',
    possible: [],
    solutions: [
      'Read the notice in WhatsApp Manager (Business Support Home) and follow it; appeal if you believe it is a mistake.',
      'Check the payment method of the WhatsApp Business Account.',
      'A business located in a sanctioned place cannot use the platform at all.',
    ],
  },
  [C.PHONE_NUMBER]: {
    title: 'Problem with the business phone number',
    explanation: 'The business phone number is not fully registered, verified or approved on the platform.',
    possible: [],
    solutions: [
      'Check the number’s status, display name and registration in WhatsApp Manager.',
      'Register or verify the number again, as the error details say.',
    ],
  },
  [C.MULTI_DEVICE_CONFLICT]: {
    title: 'Delivered, but failed on another device',
    explanation:
      'Meta reported both delivered and failed for this message. This happens when the customer uses WhatsApp on several devices: the message reached at least one of them, so count it as delivered.',
    possible: [],
    solutions: [
      'Do not resend: the customer has the message on at least one device.',
      'If this keeps happening for the same customer, ask them to update WhatsApp on every device.',
    ],
  },
  [C.UNKNOWN]: {
    title: 'Unexplained failure',
    explanation:
      'The evidence does not point to a known cause, and nothing suggests the customer did anything wrong.',
    possible: [],
    solutions: [
      'Look the code up in Meta’s error-code reference; the details often name the fix.',
      'Look at the WhatsApp Business API status page.',
      'If it keeps failing, open a direct support ticket with Meta, quoting the code, the details and the fbtrace id.',
    ],
  },
} as const satisfies CauseWordingTable;
