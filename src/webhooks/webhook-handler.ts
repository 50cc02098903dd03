import { type Logger } from '../observability';
import { type EpochMillis } from '../store-kit';
import { ingest, type IngestStores } from './ingest';
import { verifySignature } from './signature';
import { verifySubscription } from './verification';
import { countAccountEvents, countStatuses, type WebhookEventCounts } from './webhook-counts';
import { parseWebhookPayload } from './webhook-payload';
import { type WebhookPayload } from './webhook-payload.types';

/**
 * The largest notification body accepted, in bytes (1 MiB). Enforcing it is the HTTP layer's job: it must
 * stop reading at the limit and answer 413, since the signature can only be checked on the whole body.
 */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The stores (`ingest.ts` writes them; any failure answers 503), the secrets, the logger. */
export interface WebhookHandlerOptions extends IngestStores {
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
 * `X-Hub-Signature-256` header and sends back what it gets. The signature is checked first, on the bytes
 * as received; only then is the body parsed and handed to `ingest` (`ingest.ts`), which decides what is
 * written and what fails. The answer is a status: 401 bad signature, 400 not JSON, 503 when ingest failed
 * (Meta retries), else 200. Throws at construction when a secret is empty.
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

      const stored = await ingest(options, payload, clock());
      reportCounts({
        statuses: countStatuses(payload.statuses, stored.ok ? stored.outcomes : null),
        unknownStatuses: payload.unknownStatuses,
        inbound: payload.inbound.length,
        unreadable: payload.unreadable.length,
        accountEvents: countAccountEvents(stored.accountEvents),
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
