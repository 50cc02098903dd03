import { type AccountEventStore, type NewAccountEvent } from '../account-events';
import { type CallStore } from '../calls';
import { type ContactSighting, type ContactStore } from '../contacts';
import { type InboundStore } from '../conversations';
import { type ApplyOutcome, type MessageStore, type StatusUpdate } from '../messages';
import { type Logger } from '../observability';
import { accountEventsOf } from './account-events-of';
import { verifySignature } from './signature';
import { verifySubscription } from './verification';
import { countAccountEvents, countStatuses, type WebhookEventCounts } from './webhook-counts';
import { parseWebhookPayload } from './webhook-payload';
import { type InboundMessage, type WebhookPayload } from './webhook-payload.types';
import { type EpochMillis } from '../store-kit';

/**
 * The largest notification body accepted, in bytes (1 MiB). Enforcing it is the HTTP layer's job: it must
 * stop reading at the limit and answer 413, since the signature can only be checked on the whole body.
 */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookHandlerOptions {
  /** Where statuses and inbound times go. A rejection from any store turns the answer into 503. */
  store: MessageStore;
  /** Where what webhooks show of customers (numbers, BSUIDs, names) goes. */
  contacts: ContactStore;
  /** Where unreadable parts and account-level errors are kept. */
  accountEvents: AccountEventStore;
  /** Where what customers write is kept. */
  inbound: InboundStore;
  /** Where call events (the `calls` field) are kept. A rejection turns the answer into 503 like any store's. */
  calls: CallStore;
  /** The Meta app secret that keys `X-Hub-Signature-256`. Required, non-empty; never logged. */
  appSecret: string;
  /** The token set in Meta's webhook configuration for the GET handshake. Required, non-empty; never logged. */
  verifyToken: string;
  logger: Logger;
  /** The time stamped as `receivedAt` on every stored status. Default: `Date.now`. */
  clock?: () => EpochMillis;
  /**
   * Metrics hook, called once per notification that reached the store (whether the store took it or
   * not). Exceptions it throws are logged and otherwise ignored: metrics never change the answer.
   */
  onEvents?: (counts: WebhookEventCounts) => void;
}

export interface VerificationResponse {
  statusCode: 200 | 403;
  /** The challenge, to be sent as `text/plain`, or a short refusal. */
  body: string;
}

export interface NotificationResponse {
  /**
   * 200 stored (what could not be read is kept as an account event); 400 not JSON; 401 bad signature; 503
   * a store failed, Meta retries.
   */
  statusCode: 200 | 400 | 401 | 503;
  body: string;
}

export interface WebhookHandler {
  handleVerification(query: Record<string, unknown>): VerificationResponse;
  handleNotification(rawBody: Buffer, signatureHeader: string | undefined): Promise<NotificationResponse>;
}

/**
 * Meta's webhook endpoint without an HTTP framework: the HTTP layer passes the raw bytes and the
 * `X-Hub-Signature-256` header and sends back what it gets. Throws at construction when a secret is empty.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { appSecret, verifyToken, logger, onEvents } = options;
  const clock = options.clock ?? Date.now;
  if (appSecret === '') {
    throw new Error(
      'createWebhookHandler: appSecret is empty; pass the Meta app secret (WHATSAPP_APP_SECRET).',
    );
  }
  if (verifyToken === '') {
    throw new Error(
      'createWebhookHandler: verifyToken is empty; pass the webhook verify token (WHATSAPP_VERIFY_TOKEN).',
    );
  }

  const reportCounts = (counts: WebhookEventCounts): void => {
    if (!onEvents) return;
    try {
      onEvents(counts);
    } catch (err) {
      logger.warn({ err }, 'webhook metrics hook threw; the answer is unaffected');
    }
  };

  return {
    handleVerification(query) {
      const check = verifySubscription(query, verifyToken);
      if (!check.ok) {
        logger.warn({ reason: check.reason }, 'webhook verification refused');
        return { statusCode: 403, body: 'Forbidden' };
      }
      logger.info('webhook verification accepted');
      return { statusCode: 200, body: check.challenge };
    },

    async handleNotification(rawBody, signatureHeader) {
      // The signature comes first and is checked on the bytes as received: nothing unauthenticated is parsed.
      const signature = verifySignature(rawBody, signatureHeader, appSecret);
      if (signature !== 'valid') {
        logger.warn({ reason: signature, bytes: rawBody.length }, 'webhook refused: signature not valid');
        return { statusCode: 401, body: 'Invalid signature' };
      }

      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        logger.warn({ bytes: rawBody.length }, 'webhook refused: body is not JSON');
        return { statusCode: 400, body: 'Malformed JSON' };
      }

      // From here on nothing is refused: a part that cannot be read is kept as an account event instead.
      const payload = parseWebhookPayload(json);
      logPayloadReports(logger, payload);

      const receivedAt = clock();
      const accountEvents = accountEventsOf(payload, receivedAt);
      const stored = await storeAll(options, payload, accountEvents, receivedAt);
      reportCounts({
        statuses: countStatuses(payload.statuses, stored.ok ? stored.outcomes : null),
        unknownStatuses: payload.unknownStatuses,
        inbound: payload.inbound.length,
        unreadable: payload.unreadable.length,
        accountEvents: countAccountEvents(accountEvents),
        calls: payload.calls,
      });
      if (!stored.ok) {
        // Never acknowledge what was not stored: a 5xx makes Meta deliver the same body again later.
        logger.warn(
          { err: stored.error, statuses: payload.statuses.length, inbound: payload.inbound.length },
          'webhook not stored; answered 503 so that Meta retries',
        );
        return { statusCode: 503, body: 'Store unavailable; retry later' };
      }
      logger.debug({ statuses: payload.statuses.length, inbound: payload.inbound.length }, 'webhook stored');
      return { statusCode: 200, body: 'OK' };
    },
  };
}

type StoreResult = { ok: true; outcomes: ApplyOutcome[] } | { ok: false; error: unknown };

type Stores = Pick<WebhookHandlerOptions, 'store' | 'contacts' | 'accountEvents' | 'inbound' | 'calls'>;

/**
 * Statuses (in body order, one batch), inbound times, contacts, account events, inbound messages, echoes
 * and call events are written concurrently, and every write is waited for before answering, so that no
 * write is still in flight once the answer is sent. Each write is idempotent, so a body retried after a
 * partial failure is stored once.
 */
async function storeAll(
  { store, contacts, accountEvents, inbound, calls }: Stores,
  payload: WebhookPayload,
  events: readonly NewAccountEvent[],
  receivedAt: EpochMillis,
): Promise<StoreResult> {
  // Async wrappers turn a store that throws synchronously into a rejection like any other failure.
  const statuses = (async (): Promise<ApplyOutcome[]> =>
    payload.statuses.length > 0 ? store.applyStatuses(payload.statuses, receivedAt) : [])();
  const writes: Array<Promise<unknown>> = inboundTimes(payload.inbound).map(async (m) =>
    store.recordInbound(m.customer, m.phoneNumberId, m.timestamp),
  );
  // A status that names the customer by BSUID only, about a message the gateway sent to a number, shows
  // that number and that BSUID to be one customer: only then do the contacts wait for the statuses. Every
  // other body writes its contacts beside them, so that a webhook costs one round trip of latency.
  const joinsAfterApply = payload.statuses.some(
    (update) => update.recipientId === undefined && update.recipientUserId !== undefined,
  );
  if (joinsAfterApply) {
    writes.push(
      statuses.then(async (outcomes) => {
        const sightings = [...payload.contacts, ...sightingsFromSends(payload.statuses, outcomes)];
        if (sightings.length > 0) await contacts.observe(sightings, receivedAt);
      }),
    );
  } else if (payload.contacts.length > 0) {
    writes.push((async () => contacts.observe(payload.contacts, receivedAt))());
  }
  if (events.length > 0) writes.push((async () => accountEvents.append(events))());
  if (payload.inbound.length > 0) {
    const messages = payload.inbound.map((message) => ({ ...message.content, receivedAt }));
    writes.push((async () => inbound.record(messages))());
  }
  // Echoes are the business's own messages, stored as such: never sent, so no idempotency key, rate limit
  // or upstream call is involved, and an echo Meta delivers again is a duplicate.
  if (payload.echoes.length > 0) writes.push((async () => store.recordEchoes(payload.echoes, receivedAt))());
  if (payload.callEvents.length > 0) {
    const callEvents = payload.callEvents.map((event) => ({ ...event, receivedAt }));
    writes.push((async () => calls.record(callEvents))());
  }
  const [applied, ...recorded] = await Promise.allSettled([statuses, ...writes]);
  const failure = [applied, ...recorded].find((r): r is PromiseRejectedResult => r?.status === 'rejected');
  if (failure) return { ok: false, error: failure.reason };
  if (applied?.status !== 'fulfilled' || applied.value.length !== payload.statuses.length) {
    return {
      ok: false,
      error: new Error('store answered a different number of outcomes than statuses given'),
    };
  }
  return { ok: true, outcomes: applied.value };
}

/** Number and BSUID pairs learnt by applying BSUID-only statuses to messages that were sent to a number. */
function sightingsFromSends(
  updates: readonly StatusUpdate[],
  outcomes: readonly ApplyOutcome[],
): ContactSighting[] {
  const sightings = new Map<string, ContactSighting>();
  outcomes.forEach((outcome, i) => {
    if (outcome.kind !== 'applied' || updates[i]?.recipientId !== undefined) return;
    const { recipient, recipientUserId } = outcome.event;
    if (recipient === undefined || recipientUserId === undefined) return;
    sightings.set(recipientUserId, { waId: recipient.slice(1), userId: recipientUserId });
  });
  return [...sightings.values()];
}

interface InboundTime {
  /** The customer's WhatsApp id or BSUID: the window is kept under every name Meta gave. */
  customer: string;
  phoneNumberId: string;
  timestamp: EpochMillis;
}

/** Only the latest message per (customer, business number) matters for the window: one write per pair. */
function inboundTimes(messages: readonly InboundMessage[]): InboundTime[] {
  const latest = new Map<string, InboundTime>();
  for (const message of messages) {
    for (const customer of [message.waId, message.userId]) {
      if (customer === undefined) continue;
      const key = `${customer}\u0000${message.phoneNumberId}`;
      const seen = latest.get(key);
      if (!seen || message.timestamp > seen.timestamp) {
        latest.set(key, { customer, phoneNumberId: message.phoneNumberId, timestamp: message.timestamp });
      }
    }
  }
  return [...latest.values()];
}

function logPayloadReports(logger: Logger, payload: WebhookPayload): void {
  if (payload.notices.length > 0) {
    logger.debug(
      { notices: payload.notices, omittedNotices: payload.omittedNotices },
      'webhook content ignored: unknown object, field or status, or extra properties',
    );
  }
  for (const error of payload.accountErrors) {
    logger.warn({ metaError: error }, 'Meta reported an error not tied to a message');
  }
  for (const part of payload.unreadable) {
    // The raw part is kept in the account event, not the log: it may hold a customer's message.
    logger.warn(
      { path: part.path, field: part.field, reason: part.reason },
      'webhook part could not be read; kept as a WEBHOOK_ERROR account event',
    );
  }
}
