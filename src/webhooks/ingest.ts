/*
 * Ingest: what one verified, parsed notification writes, in what order, and what fails the webhook.
 *
 * - Which stores: the statuses (the message store's apply script, one batch in body order), the latest
 *   inbound time of each customer and business number (the 24-hour window), the contacts the body shows,
 *   the account events, the inbound messages, the echoes of the WhatsApp Business app (outbound messages
 *   of the message store), the call events, and the template catalogue (the four template fields, which
 *   are also kept whole as account events).
 * - In what order: all writes start together and all are awaited before the answer, so none is in flight
 *   once Meta has its 200. One exception: when a status names the customer by BSUID only, the contacts
 *   wait for the statuses, whose outcome says which number the message went to, so that the number and
 *   the BSUID become one contact.
 * - What fails the webhook: any write that fails (a rejection, or a store that throws), or a message store
 *   that answers a different number of outcomes than statuses given. The handler then answers 503 and Meta
 *   sends the whole body again; every write is idempotent, so what was stored the first time is stored once.
 * - What is kept instead: nothing Meta sent fails the webhook. A part the parser could not read and an
 *   error Meta reported for the account rather than one message are kept as WEBHOOK_ERROR account events,
 *   beside the account events of every other field.
 */
import { type AccountEventStore, type NewAccountEvent } from '../account-events';
import { type CallStore } from '../calls';
import { type ContactSighting, type ContactStore } from '../contacts';
import { type InboundStore } from '../conversations';
import { type ApplyOutcome, type MessageStore, type StatusUpdate } from '../messages';
import { type EpochMillis } from '../store-kit';
import { isTemplateWebhookField, type TemplateWebhookChange } from '../templates';
import { accountEventsOf } from './account-events-of';
import { type InboundMessage, type WebhookPayload } from './webhook-payload.types';

/** The stores a notification is written to. A failure of any of them fails the webhook (503). */
export interface IngestStores {
  /** Where statuses, inbound times and echoes go. */
  store: MessageStore;
  /** Where what webhooks show of customers (numbers, BSUIDs, names) goes. */
  contacts: ContactStore;
  /** Where account events go: other fields, unreadable parts and account-level errors. */
  accountEvents: AccountEventStore;
  /** Where what customers write is kept. */
  inbound: InboundStore;
  /** Where call events (the `calls` field) are kept. */
  calls: CallStore;
  /** What keeps the template catalogue current; without it template webhooks are account events only. */
  templates?: TemplateCatalogueFollower;
}

/** The catalogue's side of the template webhooks; rejects only when its store refused a write. */
export interface TemplateCatalogueFollower {
  follow(changes: readonly TemplateWebhookChange[]): Promise<void>;
}

/** What ingesting one notification came to; the account events are there either way, for the counts. */
export type IngestResult =
  | { ok: true; outcomes: ApplyOutcome[]; accountEvents: NewAccountEvent[] }
  | { ok: false; error: unknown; accountEvents: NewAccountEvent[] };

/** Writes everything `payload` holds; `ok: false` means the webhook must fail so that Meta retries. */
export async function ingest(
  { store, contacts, accountEvents, inbound, calls, templates }: IngestStores,
  payload: WebhookPayload,
  receivedAt: EpochMillis,
): Promise<IngestResult> {
  const events = accountEventsOf(payload, receivedAt);
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
  if (templates !== undefined) {
    const changes = templateChangesOf(payload, receivedAt);
    if (changes.length > 0) writes.push((async () => templates.follow(changes))());
  }
  const [applied, ...recorded] = await Promise.allSettled([statuses, ...writes]);
  const failure = [applied, ...recorded].find((r): r is PromiseRejectedResult => r?.status === 'rejected');
  if (failure) return { ok: false, error: failure.reason, accountEvents: events };
  if (applied?.status !== 'fulfilled' || applied.value.length !== payload.statuses.length) {
    return {
      ok: false,
      error: new Error('store answered a different number of outcomes than statuses given'),
      accountEvents: events,
    };
  }
  return { ok: true, outcomes: applied.value, accountEvents: events };
}

/** The changes of the four template fields, in body order, each with Meta's time of it. */
function templateChangesOf(payload: WebhookPayload, receivedAt: EpochMillis): TemplateWebhookChange[] {
  return payload.accountChanges
    .filter((change) => isTemplateWebhookField(change.field))
    .map((change) => ({
      businessAccountId: change.businessAccountId,
      field: change.field,
      value: change.value,
      at: change.time ?? receivedAt,
    }));
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
