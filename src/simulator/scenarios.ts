import type { WireMessageStatus, WireStatusName } from './wire-types';

/**
 * Scenario data: which recipient numbers, phone-number ids and tokens make the simulator behave like
 * each failure Meta can produce. Recipients use the fictional +1 202 555 0100–0199 range (valid for
 * phone-number libraries, never a real subscriber). docs/simulator.md lists this table; a test checks
 * that the two agree.
 */

/** Meta's message for an expired token (code 190, subcode 463). */
export const EXPIRED_TOKEN_MESSAGE =
  'Error validating access token: Session has expired on Thursday, 12-Jun-25 10:00:00 PDT.';

/** One status a scenario posts, in posting order. `occursAt` orders Meta's timestamps (0 = first). */
export type StatusStep =
  | { kind: 'status'; status: WireStatusName; occursAt: number; errorCode?: number }
  /** Post the previous status again, byte for byte (Meta's duplicate deliveries). */
  | { kind: 'repeat-previous' };

/** A sync error: the send is refused with Meta's envelope. */
export interface ScenarioError {
  code: number;
  subcode?: number;
  details?: string;
  message?: string;
}

/**
 * How webhooks name the customer: by number (`recipient_id`, `from`), by business-scoped user id only (a
 * customer with a username whose number Meta leaves out), or by both.
 */
export type CustomerNaming = 'number' | 'user-id' | 'both';

/** What a scenario's customer writes back after reading: a text, an image, a button, or "STOP". */
export type CustomerReply =
  | { kind: 'text'; text: string }
  | { kind: 'image'; caption: string }
  | { kind: 'button'; id: string; title: string }
  /** "STOP", and Meta's `user_preferences` webhook for marketing messages. */
  | { kind: 'stop' };

export type RecipientBehaviour =
  /** Accepted; then `steps` are posted as webhooks. */
  | {
      kind: 'deliver';
      steps: readonly StatusStep[];
      messageStatus?: WireMessageStatus;
      /** Post an inbound customer text before the statuses (the customer wrote first). */
      inboundFirst?: boolean;
      /** How the webhooks name the customer. Default `number`. */
      naming?: CustomerNaming;
      /** What the customer writes back once they read the message. */
      reply?: CustomerReply;
    }
  /** Refused with `error` every time. */
  | { kind: 'reject'; error: ScenarioError }
  /** Refused with `error` on the first send to this recipient, accepted (as `deliver`) afterwards. */
  | { kind: 'fail-once'; error: ScenarioError; steps: readonly StatusStep[] }
  /** No answer for `hangMs` (option, 30 s by default), then accepted. */
  | { kind: 'hang'; steps: readonly StatusStep[] };

export interface RecipientScenario {
  /** E.164 recipient that triggers it. */
  readonly recipient: string;
  /** A short stable name, usable in test titles. */
  readonly name: string;
  readonly summary: string;
  readonly behaviour: RecipientBehaviour;
}

const step = (status: WireStatusName, occursAt: number, errorCode?: number): StatusStep =>
  errorCode === undefined
    ? { kind: 'status', status, occursAt }
    : { kind: 'status', status, occursAt, errorCode };

/** sent → delivered → read: what every number outside the table gets. */
export const ORDINARY_STEPS: readonly StatusStep[] = [step('sent', 0), step('delivered', 1), step('read', 2)];

const failed = (code: number): readonly StatusStep[] => [step('failed', 0, code)];

const reject = (code: number, details?: string, subcode?: number): RecipientBehaviour => ({
  kind: 'reject',
  error: subcode === undefined ? { code, details } : { code, subcode, details },
});

const scenario = (
  lastTwoDigits: string,
  name: string,
  summary: string,
  behaviour: RecipientBehaviour,
): RecipientScenario => ({ recipient: `+120255501${lastTwoDigits}`, name, summary, behaviour });

/** The recipient scenario table. */
export const SCENARIOS: readonly RecipientScenario[] = Object.freeze([
  scenario('00', 'ordinary', 'accepted; sent → delivered → read (as any number outside this table)', {
    kind: 'deliver',
    steps: ORDINARY_STEPS,
  }),
  scenario(
    '10',
    'invalid-parameter',
    'HTTP 400, code 100, details name the parameter',
    reject(100, 'Param to is not a valid WhatsApp user phone number.'),
  ),
  scenario('11', 'expired-token', 'HTTP 401, code 190, subcode 463', {
    kind: 'reject',
    error: {
      code: 190,
      subcode: 463,
      message: EXPIRED_TOKEN_MESSAGE,
    },
  }),
  scenario(
    '12',
    'undeliverable',
    'HTTP 400, code 131026 at send time',
    reject(131026, 'Message Undeliverable.'),
  ),
  scenario(
    '13',
    'experiment-group',
    'HTTP 400, code 130472',
    reject(130472, "Message failed to send because the user's phone number is part of an experiment."),
  ),
  scenario(
    '14',
    'marketing-limit',
    'HTTP 400, code 131049',
    reject(
      131049,
      'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
    ),
  ),
  scenario(
    '15',
    're-engagement-window',
    'HTTP 400, code 131047',
    reject(
      131047,
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    ),
  ),
  scenario(
    '16',
    'restricted-country',
    'HTTP 403, code 130497',
    reject(130497, 'The business account is restricted from messaging users in this country.'),
  ),
  scenario(
    '17',
    'service-downtime',
    'HTTP 503, code 2, is_transient true',
    reject(2, 'Service temporarily unavailable. Please retry your request later.'),
  ),
  scenario(
    '18',
    'pair-rate-limit',
    'HTTP 400, code 131056',
    reject(
      131056,
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    ),
  ),
  scenario(
    '19',
    'template-not-found',
    'HTTP 404, code 132001 (whatever the message type)',
    reject(132001, 'Template name does not exist in the translation for the requested language.'),
  ),
  scenario('20', 'fail-once', 'first send to it: HTTP 500, code 131000 (transient); later sends accepted', {
    kind: 'fail-once',
    error: { code: 131000, details: 'Something went wrong. Please retry your request.' },
    steps: ORDINARY_STEPS,
  }),
  scenario('21', 'hang', 'no answer for 30 s (option hangMs), then accepted', {
    kind: 'hang',
    steps: ORDINARY_STEPS,
  }),
  scenario('22', 'held-for-quality', 'accepted with message_status held_for_quality_assessment (any type)', {
    kind: 'deliver',
    steps: ORDINARY_STEPS,
    messageStatus: 'held_for_quality_assessment',
  }),
  scenario('30', 'webhook-undeliverable', 'accepted; failed 131026', {
    kind: 'deliver',
    steps: failed(131026),
  }),
  scenario('31', 'webhook-marketing-limit', 'accepted; failed 131049', {
    kind: 'deliver',
    steps: failed(131049),
  }),
  scenario('32', 'webhook-experiment-group', 'accepted; failed 130472', {
    kind: 'deliver',
    steps: failed(130472),
  }),
  scenario('33', 'webhook-re-engagement', 'accepted; failed 131047', {
    kind: 'deliver',
    steps: failed(131047),
  }),
  scenario('34', 'webhook-service-downtime', 'accepted; failed 2', { kind: 'deliver', steps: failed(2) }),
  scenario('35', 'webhook-media-error', 'accepted; failed 131053', {
    kind: 'deliver',
    steps: failed(131053),
  }),
  scenario('36', 'offline', 'accepted; sent, then nothing (customer offline)', {
    kind: 'deliver',
    steps: [step('sent', 0)],
  }),
  scenario('37', 'multi-device', 'accepted; sent → delivered → failed 131026 (several devices)', {
    kind: 'deliver',
    steps: [step('sent', 0), step('delivered', 1), step('failed', 2, 131026)],
  }),
  scenario(
    '38',
    'out-of-order',
    'accepted; read, sent, delivered, delivered again (byte-identical duplicate)',
    {
      kind: 'deliver',
      steps: [step('read', 2), step('sent', 0), step('delivered', 1), { kind: 'repeat-previous' }],
    },
  ),
  scenario(
    '39',
    'customer-writes-first',
    'accepted; an inbound customer text is posted first, then sent → delivered → read',
    {
      kind: 'deliver',
      steps: ORDINARY_STEPS,
      inboundFirst: true,
    },
  ),
  scenario(
    '40',
    'username',
    'accepted; sent → delivered → read, statuses name the customer by BSUID only (US.1000 + the number)',
    { kind: 'deliver', steps: ORDINARY_STEPS, naming: 'user-id' },
  ),
  scenario(
    '41',
    'username-and-number',
    'accepted; sent → delivered → read, statuses carry both the number and the BSUID',
    { kind: 'deliver', steps: ORDINARY_STEPS, naming: 'both' },
  ),
  scenario(
    '42',
    'username-writes-first',
    'accepted; an inbound text from the BSUID only (with a username) is posted first, then statuses by BSUID only',
    { kind: 'deliver', steps: ORDINARY_STEPS, inboundFirst: true, naming: 'user-id' },
  ),
  scenario('43', 'replies-text', 'accepted; sent → delivered → read, then the customer writes back a text', {
    kind: 'deliver',
    steps: ORDINARY_STEPS,
    reply: { kind: 'text', text: 'Thanks! When will it arrive?' },
  }),
  scenario('44', 'replies-image', 'accepted; sent → delivered → read, then the customer sends a photo', {
    kind: 'deliver',
    steps: ORDINARY_STEPS,
    reply: { kind: 'image', caption: 'This is what arrived' },
  }),
  scenario(
    '45',
    'replies-button',
    'accepted; sent → delivered → read, then the customer taps a quick reply',
    {
      kind: 'deliver',
      steps: ORDINARY_STEPS,
      reply: { kind: 'button', id: 'TRACK_ORDER', title: 'Track my order' },
    },
  ),
  scenario(
    '46',
    'replies-stop',
    'accepted; sent → delivered → read, then the customer writes STOP and stops marketing messages',
    { kind: 'deliver', steps: ORDINARY_STEPS, reply: { kind: 'stop' } },
  ),
]);

/**
 * The business-scoped user id the simulator gives the customer behind a number: `US.1000` and the number's
 * digits, so that a newcomer can tell which number a BSUID in a webhook stands for.
 */
export function simulatedUserId(waId: string): string {
  return `US.1000${waId.replace(/\D/g, '')}`;
}

/** The username the simulator gives customers of the `username-writes-first` scenario. */
export const SIMULATED_USERNAME = '@sim.customer';

/**
 * Recipient country prefixes (wa_id digits) the platform cannot deliver to: Cuba, Iran, North Korea,
 * Syria, and Ukrainian area codes of Crimea (65), Sevastopol (69), Donetsk (62) and Luhansk (64). A
 * send to them answers 130497; the gateway is expected to refuse them before that.
 */
export const SANCTIONED_PREFIXES: readonly string[] = Object.freeze([
  '53',
  '98',
  '850',
  '963',
  '38065',
  '38069',
  '38062',
  '38064',
]);

/** The 130497 error a send to a sanctioned prefix gets. */
export const SANCTIONED_ERROR: ScenarioError = {
  code: 130497,
  details: 'The business account is restricted from messaging users in this country.',
};

/** Bearer / input tokens with a scripted meaning; any other token is valid with both permissions. */
export enum SimulatorToken {
  /** Any call with it answers 401, code 190, subcode 463; debug_token says expired. */
  EXPIRED = 'SIM_TOKEN_EXPIRED',
  /** Any call with it answers 401, code 190, subcode 467; debug_token says invalid. */
  INVALID = 'SIM_TOKEN_INVALID',
  /** Valid, but without whatsapp_business_messaging: sends answer 403, code 10. */
  MISSING_MESSAGING = 'SIM_TOKEN_MISSING_MESSAGING',
}

/** Phone-number ids with a scripted health; the configured phone number id is AVAILABLE. */
export enum SimulatorPhoneNumberId {
  /** health_status LIMITED: the WABA has a payment-method error (141006). */
  LIMITED = '106540352240001',
  /** health_status BLOCKED: the phone number is not registered (133010). */
  BLOCKED = '106540352240002',
}

const byDigits = new Map(SCENARIOS.map((entry) => [entry.recipient.slice(1), entry]));

/** The scenario for a recipient's wa_id digits; undefined for ordinary numbers. */
export function findRecipientScenario(waId: string): RecipientScenario | undefined {
  return byDigits.get(waId);
}

/** Whether a recipient's wa_id digits fall in a sanctioned country or region. */
export function isSanctionedRecipient(waId: string): boolean {
  return SANCTIONED_PREFIXES.some((prefix) => waId.startsWith(prefix));
}
