import { type ApplyOutcome, type EpochMillis, type MessageStore } from '../messages';
import { type Logger } from '../observability';
import { verifySignature } from './signature';
import { verifySubscription } from './verification';
import { countStatuses, type WebhookEventCounts } from './webhook-counts';
import { type InboundMessage, parseWebhookPayload, type WebhookPayload } from './webhook-payload';

/**
 * The largest notification body accepted, in bytes (1 MiB). Enforcing it is the HTTP layer's job: it must
 * stop reading at the limit and answer 413, since the signature can only be checked on the whole body.
 */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookHandlerOptions {
  /** Where statuses and inbound times go. A rejection from it turns the answer into 503. */
  store: MessageStore;
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
  /** 200 stored (or nothing to store); 400 not JSON or broken; 401 bad signature; 503 store failed, Meta retries. */
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
  const { store, appSecret, verifyToken, logger, onEvents } = options;
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

      const parsed = parseWebhookPayload(json);
      if (!parsed.ok) {
        logger.warn({ issues: parsed.issues }, 'webhook refused: not a valid notification');
        return { statusCode: 400, body: `Malformed notification: ${parsed.issues.join('; ')}` };
      }
      const { payload } = parsed;
      logPayloadReports(logger, payload);

      const receivedAt = clock();
      const stored = await storeAll(store, payload, receivedAt);
      reportCounts({
        statuses: countStatuses(payload.statuses, stored.ok ? stored.outcomes : null),
        unknownStatuses: payload.unknownStatuses,
        inbound: payload.inbound.length,
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

/**
 * Statuses (in body order, one batch) and inbound times are written concurrently, and every write is
 * waited for before answering, so that no write is still in flight once the answer is sent.
 */
async function storeAll(
  store: MessageStore,
  payload: WebhookPayload,
  receivedAt: EpochMillis,
): Promise<StoreResult> {
  // Async wrappers turn a store that throws synchronously into a rejection like any other failure.
  const statuses = (async (): Promise<ApplyOutcome[]> =>
    payload.statuses.length > 0 ? store.applyStatuses(payload.statuses, receivedAt) : [])();
  const inbound = latestPerSender(payload.inbound).map(async (m) =>
    store.recordInbound(m.waId, m.phoneNumberId, m.timestamp),
  );
  const [applied, ...recorded] = await Promise.allSettled([statuses, ...inbound]);
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

/** Only the latest message per (customer, business number) matters for the window: one write per pair. */
function latestPerSender(messages: readonly InboundMessage[]): InboundMessage[] {
  const latest = new Map<string, InboundMessage>();
  for (const message of messages) {
    const key = `${message.waId}\u0000${message.phoneNumberId}`;
    const seen = latest.get(key);
    if (!seen || message.timestamp > seen.timestamp) latest.set(key, message);
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
}
