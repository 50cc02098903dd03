import { randomBytes } from 'node:crypto';
import { ERROR_CODES_HREF, graphErrorDefinition } from './error-catalogue';
import { newMessageId } from './message-id';
import { SIMULATOR_DEFAULTS } from './simulator-options';
import type {
  WireAccountWebhookPayload,
  WireInboundContact,
  WireInboundContent,
  WireInboundMessage,
  WireStatus,
  WireStatusError,
  WireStatusName,
  WireWebhookMetadata,
  WireWebhookPayload,
  WireWebhookValue,
} from './wire-types';

/** Pricing categories Meta puts in `pricing.category` and `conversation.origin.type`. */
export type PricingCategory = 'service' | 'utility' | 'marketing' | 'authentication';

/** Whose business number a webhook speaks for; each field defaults to the simulator's defaults. */
export interface WebhookAccount {
  wabaId?: string;
  phoneNumberId?: string;
  /** Formatted or digits; the webhook carries digits only, as Meta's does. */
  displayPhoneNumber?: string;
}

export interface WireStatusInput {
  messageId: string;
  status: WireStatusName;
  /** The customer's wa_id (digits; a leading `+` is dropped); left out when absent. */
  recipientId?: string;
  /** The customer's business-scoped user id, for statuses about a customer with a username. */
  recipientUserId?: string;
  /** Unix seconds (number or string). Default: now. */
  timestamp?: number | string;
  /** Adds `conversation` and `pricing` to sent/delivered statuses. Default `utility`. */
  category?: PricingCategory;
  /** Conversation id for sent/delivered. Default: a random one. */
  conversationId?: string;
  /** For `failed`: the error code of `errors[0]`. Default 131026. */
  errorCode?: number;
}

/** The `errors[0]` Meta puts on a failed status for `code`. */
export function buildStatusError(code: number): WireStatusError {
  const definition = graphErrorDefinition(code);
  return {
    code,
    title: definition.title,
    message: definition.title,
    error_data: { details: definition.details ?? definition.title },
    href: ERROR_CODES_HREF,
  };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** One `statuses[]` entry as Meta writes it. Conversation and pricing ride on sent and delivered only. */
export function buildWireStatus(input: WireStatusInput): WireStatus {
  const timestamp = String(input.timestamp ?? nowSeconds());
  const status: WireStatus = { id: input.messageId, status: input.status, timestamp };
  if (input.recipientId !== undefined) status.recipient_id = input.recipientId.replace(/^\+/, '');
  if (input.recipientUserId !== undefined) status.recipient_user_id = input.recipientUserId;
  switch (input.status) {
    case 'sent':
    case 'delivered': {
      const category = input.category ?? 'utility';
      const conversationId = input.conversationId ?? randomBytes(16).toString('hex');
      status.conversation =
        input.status === 'sent'
          ? {
              id: conversationId,
              expiration_timestamp: String(Number(timestamp) + 24 * 3600),
              origin: { type: category },
            }
          : { id: conversationId, origin: { type: category } };
      // Under per-message pricing, replies inside the service window are free.
      status.pricing =
        category === 'service'
          ? { billable: false, pricing_model: 'PMP', category, type: 'free_customer_service' }
          : { billable: true, pricing_model: 'PMP', category, type: 'regular' };
      return status;
    }
    case 'read':
      return status;
    case 'failed':
      status.errors = [buildStatusError(input.errorCode ?? 131026)];
      return status;
    default:
      return assertNever(input.status);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled status: ${String(value)}`);
}

function metadataOf(account: WebhookAccount): WireWebhookMetadata {
  return {
    display_phone_number: (account.displayPhoneNumber ?? SIMULATOR_DEFAULTS.displayPhoneNumber).replace(
      /\D/g,
      '',
    ),
    phone_number_id: account.phoneNumberId ?? SIMULATOR_DEFAULTS.phoneNumberId,
  };
}

function wrap(account: WebhookAccount, value: WireWebhookValue): WireWebhookPayload {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: account.wabaId ?? SIMULATOR_DEFAULTS.wabaId, changes: [{ field: 'messages', value }] }],
  };
}

export interface UserPreferenceInput extends WebhookAccount {
  /** The customer's number (digits; a leading `+` is dropped). */
  from: string;
  value: 'stop' | 'resume';
  /** Unix seconds. Default: now. */
  timestamp?: number;
}

/** Meta's `user_preferences` webhook: a customer stopped or resumed marketing messages. */
export function buildUserPreferencesWebhook(input: UserPreferenceInput): WireAccountWebhookPayload {
  const waId = input.from.replace(/^\+/, '');
  const timestamp = input.timestamp ?? nowSeconds();
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: input.wabaId ?? SIMULATOR_DEFAULTS.wabaId,
        time: timestamp,
        changes: [
          {
            field: 'user_preferences',
            value: {
              messaging_product: 'whatsapp',
              metadata: metadataOf(input),
              contacts: [{ wa_id: waId, profile: { name: 'Simulated Customer' } }],
              user_preferences: [
                {
                  wa_id: waId,
                  detail: `User requested to ${input.value} marketing messages`,
                  category: 'marketing_messages',
                  value: input.value,
                  timestamp,
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** A status webhook body (one entry, one change) carrying `statuses`. Serialise with `serializeMetaJson`. */
export function buildStatusWebhook(input: WebhookAccount & { statuses: WireStatus[] }): WireWebhookPayload {
  return wrap(input, {
    messaging_product: 'whatsapp',
    metadata: metadataOf(input),
    statuses: input.statuses,
  });
}

export interface InboundMessageInput extends WebhookAccount {
  /** The customer's number (digits; a leading `+` is dropped); left out for a customer known by BSUID only. */
  from?: string;
  /** The customer's business-scoped user id; at least one of `from` and `fromUserId` is needed. */
  fromUserId?: string;
  /** What the customer sent: a text, or any content part of Meta's inbound messages. */
  content: string | WireInboundContent;
  /** The wamid the customer replies to (Meta's `context`). */
  replyTo?: string;
  /** The customer's WhatsApp profile name. Default `Simulated Customer`. */
  profileName?: string;
  /** The customer's WhatsApp username, when they adopted one. */
  username?: string;
  /** Default: a new `wamid.`. */
  messageId?: string;
  /** Unix seconds. Default: now. */
  timestamp?: number | string;
}

/** A webhook body for one inbound customer text (`contacts[]` and `messages[]`). */
export function buildInboundMessageWebhook(input: InboundMessageInput): WireWebhookPayload {
  const from = input.from?.replace(/^\+/, '');
  if (from === undefined && input.fromUserId === undefined) {
    throw new Error('buildInboundMessageWebhook: give the customer as `from`, `fromUserId` or both.');
  }
  const contact: WireInboundContact = { profile: { name: input.profileName ?? 'Simulated Customer' } };
  if (input.username !== undefined) contact.profile.username = input.username;
  if (from !== undefined) contact.wa_id = from;
  if (input.fromUserId !== undefined) contact.user_id = input.fromUserId;
  const content: WireInboundContent =
    typeof input.content === 'string' ? { type: 'text', text: { body: input.content } } : input.content;
  const message: WireInboundMessage = {
    ...content,
    id: input.messageId ?? newMessageId(from ?? input.fromUserId ?? ''),
    timestamp: String(input.timestamp ?? nowSeconds()),
  };
  if (input.replyTo !== undefined) {
    message.context = { from: metadataOf(input).display_phone_number, id: input.replyTo };
  }
  if (from !== undefined) message.from = from;
  if (input.fromUserId !== undefined) message.from_user_id = input.fromUserId;
  return wrap(input, {
    messaging_product: 'whatsapp',
    metadata: metadataOf(input),
    contacts: [contact],
    messages: [message],
  });
}
