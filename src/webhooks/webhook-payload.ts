import { type z } from 'zod';
import { type ContactSighting } from '../contacts';
import { type InboundContent, readInboundContent } from './inbound-message-reader';
import { withoutUndefined } from './json-fields';
import {
  type CallContext,
  callCustomer,
  callEventOf,
  callStatusEventOf,
  type ParsedCallEvent,
} from './call-reader';
import { echoRecipient, type Party, readEchoContent } from './echo-reader';
import {
  type ConversationInfo,
  type MessageErrorDetail,
  MessageStatus,
  type NewEcho,
  type PricingInfo,
  type StatusUpdate,
} from '../messages';
import {
  accountNotificationSchema,
  changeSchema,
  contactSchema,
  conversationSchema,
  entrySchema,
  envelopeSchema,
  errorSchema,
  inboundMessageSchema,
  messagesValueSchema,
  pricingSchema,
  statusSchema,
  type StatusPayload,
  userPreferenceSchema,
  userPreferencesValueSchema,
  callSchema,
  callStatusSchema,
  callsValueSchema,
  echoesValueSchema,
  messageEchoSchema,
} from './webhook-payload.schema';
import { type EpochMillis } from '../store-kit';

/** The `object` of the notifications the gateway handles; any other is acknowledged and ignored. */
export const WHATSAPP_BUSINESS_ACCOUNT_OBJECT = 'whatsapp_business_account';

/** The `field` of the changes that carry statuses and inbound messages; any other is ignored. */
export const MESSAGES_FIELD = 'messages';

/** At most this many notices are kept per body (the rest are only counted), so a debug line stays small. */
export const MAX_REPORTED_NOTICES = 100;

/** At most this many validation issues are named for one unreadable part. */
const MAX_REPORTED_ISSUES = 5;

/** Meta's status words (compared in lower case) and the statuses they become. */
const WEBHOOK_STATUSES: ReadonlyMap<string, MessageStatus> = new Map([
  ['sent', MessageStatus.SENT],
  ['delivered', MessageStatus.DELIVERED],
  ['read', MessageStatus.READ],
  ['played', MessageStatus.PLAYED],
  ['failed', MessageStatus.FAILED],
  ['deleted', MessageStatus.DELETED],
  ['warning', MessageStatus.WARNING],
]);

/** A customer's message to a business number: it opens (or extends) the 24-hour customer service window. */
export interface InboundMessage {
  messageId: string;
  /** The customer's WhatsApp id (Meta's `from`): digits, no `+`. Absent for a customer known by BSUID only. */
  waId?: string;
  /** The customer's business-scoped user id (Meta's `from_user_id`). */
  userId?: string;
  phoneNumberId: string;
  timestamp: EpochMillis;
  /** What the customer sent, with its type, content and the message as Meta sent it. */
  content: InboundContent;
}

/** An error Meta reported in `value.errors[]`, not tied to one message; for the log. */
export interface AccountLevelError extends MessageErrorDetail {
  phoneNumberId: string;
  /** Where in the body it was, e.g. `entry[0].changes[1].value.errors[0]`. */
  path: string;
}

/**
 * A part of the body the gateway could not read (a status without an id, a timestamp that is not Unix
 * seconds, a body that is JSON but no notification). It is kept whole, so that nothing Meta sent is lost.
 */
export interface UnreadablePart {
  /** Where in the body it was, e.g. `entry[0].changes[0].value.statuses[1]`; `` for the whole body. */
  path: string;
  /** The change's `field`, when the part was inside one. */
  field?: string;
  /** The entry's id (the WhatsApp Business Account), when known. */
  businessAccountId?: string;
  phoneNumberId?: string;
  /** What was wrong, e.g. `timestamp: expected Unix seconds as digits`. */
  reason: string;
  /** The part as Meta sent it. */
  raw: unknown;
}

/** A change of a field other than `messages`: an account event as Meta sent it. */
export interface AccountChange {
  field: string;
  /** The change's `value`, as sent (an object for every field Meta documents). */
  value: unknown;
  businessAccountId?: string;
  /** The entry's `time` (Unix seconds → epoch millis), when Meta sent one. */
  time?: EpochMillis;
  path: string;
}

/** The `field` of incoming and outgoing calls: stored as call events of the customer (they are not messages). */
export const CALLS_FIELD = 'calls';

/**
 * The `field` of the messages a business on the WhatsApp Business app and the Cloud API at once sent from
 * the app: stored as outbound messages of the customer's conversation.
 */
export const SMB_MESSAGE_ECHOES_FIELD = 'smb_message_echoes';

/** The `field` of customers' marketing preferences. */
export const USER_PREFERENCES_FIELD = 'user_preferences';

/** The preference category of marketing messages (the only one Meta reports so far). */
const MARKETING_PREFERENCE = 'marketing_messages';

/**
 * Meta's marketing choices (compared in lower case) and whether each leaves the customer opted out. A
 * `signup` (through a signup link) is an explicit opt-in, like `resume`. Another word says nothing the
 * gateway can act on: the contact keeps its choice, and the account event shows Meta's word.
 */
const MARKETING_OPT_OUT_BY_CHOICE: ReadonlyMap<string, boolean> = new Map([
  ['stop', true],
  ['resume', false],
  ['signup', false],
]);

/** Something in the body the gateway deliberately ignored; reported so that the caller can log it at debug. */
export type PayloadNotice =
  | { kind: 'unknown-object'; object: string }
  | { kind: 'unknown-status'; path: string; messageId: string; status: string }
  | { kind: 'extra-property'; path: string };

/** A notification turned into typed updates, in body order (entry × change × item). */
export interface WebhookPayload {
  statuses: StatusUpdate[];
  inbound: InboundMessage[];
  /** One per customer named in the body (sightings of the same customer merged). */
  contacts: ContactSighting[];
  accountErrors: AccountLevelError[];
  /** Changes of every other field, in body order (calls and echoes excepted: `callEvents`, `echoes`). */
  accountChanges: AccountChange[];
  /** Changes of the `calls` field. */
  calls: number;
  /** Messages the business sent from the WhatsApp Business app (`smb_message_echoes`), in body order. */
  echoes: NewEcho[];
  /** Call events (`calls[]` and `statuses[]` of the `calls` field), in body order. */
  callEvents: ParsedCallEvent[];
  unreadable: UnreadablePart[];
  /** Statuses skipped because Meta's word for them is unknown (each also reported as a notice). */
  unknownStatuses: number;
  notices: PayloadNotice[];
  /** Notices beyond `MAX_REPORTED_NOTICES`, counted but not kept. */
  omittedNotices: number;
}

/** Where a part sits: its path in the body and the change it belongs to. */
interface PartPlace {
  path: string;
  field?: string;
  businessAccountId?: string;
  phoneNumberId?: string;
}

/**
 * Turns an already signature-checked, JSON-parsed notification into typed updates. Nothing is refused:
 * each part (entry, change, status, message, contact, error) is read on its own, everything readable is
 * returned, and a part that cannot be read is returned whole in `unreadable` (a body that is JSON but no
 * notification is one such part). An `object` other than `whatsapp_business_account`, unknown `field`s,
 * unknown status words and extra properties are acknowledged and reported as notices.
 */
export function parseWebhookPayload(body: unknown): WebhookPayload {
  const reader = new PayloadReader();
  reader.read(body);
  return reader.payload;
}

class PayloadReader {
  readonly payload: WebhookPayload = {
    statuses: [],
    inbound: [],
    contacts: [],
    accountErrors: [],
    accountChanges: [],
    calls: 0,
    echoes: [],
    callEvents: [],
    unreadable: [],
    unknownStatuses: 0,
    notices: [],
    omittedNotices: 0,
  };
  private readonly contactsByIdentity = new Map<string, ContactSighting>();

  read(body: unknown): void {
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) return this.unreadable({ path: '' }, envelope.error, body);
    if (envelope.data.object !== WHATSAPP_BUSINESS_ACCOUNT_OBJECT) {
      this.notice({ kind: 'unknown-object', object: envelope.data.object });
      return;
    }
    const account = accountNotificationSchema.safeParse(body);
    if (!account.success) return this.unreadable({ path: '' }, account.error, body);
    this.reportExtraKeys(account.data, accountNotificationSchema.shape, '');
    account.data.entry.forEach((entry, e) => this.readEntry(entry, `entry[${e}]`));
  }

  private readEntry(raw: unknown, path: string): void {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) return this.unreadable({ path }, entry.error, raw);
    this.reportExtraKeys(entry.data, entrySchema.shape, path);
    entry.data.changes.forEach((rawChange, c) => {
      const place: PartPlace = { path: `${path}.changes[${c}]` };
      if (entry.data.id !== undefined) place.businessAccountId = entry.data.id;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) return this.unreadable(place, change.error, rawChange);
      this.reportExtraKeys(change.data, changeSchema.shape, place.path);
      const { field, value } = change.data;
      place.field = field;
      if (field === MESSAGES_FIELD) {
        this.readMessagesValue(value, { ...place, path: `${place.path}.value` });
      } else if (field === CALLS_FIELD) {
        this.payload.calls += 1;
        this.readCallsValue(value, { ...place, path: `${place.path}.value` });
      } else if (field === SMB_MESSAGE_ECHOES_FIELD) {
        this.readEchoesValue(value, { ...place, path: `${place.path}.value` });
      } else {
        this.payload.accountChanges.push({
          field,
          value,
          path: place.path,
          ...(place.businessAccountId !== undefined && { businessAccountId: place.businessAccountId }),
          ...(entry.data.time !== undefined && { time: entry.data.time }),
        });
        if (field === USER_PREFERENCES_FIELD) this.readUserPreferences(value, place);
      }
    });
  }

  private readMessagesValue(raw: unknown, place: PartPlace): void {
    const value = messagesValueSchema.safeParse(raw);
    if (!value.success) return this.unreadable(place, value.error, raw);
    const { path } = place;
    const phoneNumberId = value.data.metadata.phone_number_id;
    const at = (item: string): PartPlace => ({ ...place, path: `${path}.${item}`, phoneNumberId });
    this.reportExtraKeys(value.data, messagesValueSchema.shape, path);

    this.readContactList(value.data.contacts ?? [], at);
    for (const [i, rawStatus] of (value.data.statuses ?? []).entries()) {
      this.readStatus(rawStatus, at(`statuses[${i}]`), phoneNumberId);
    }
    for (const [i, rawMessage] of (value.data.messages ?? []).entries()) {
      const message = inboundMessageSchema.safeParse(rawMessage);
      if (!message.success) {
        this.unreadable(at(`messages[${i}]`), message.error, rawMessage);
        continue;
      }
      const head = withoutUndefined({
        id: message.data.id,
        waId: message.data.from,
        userId: message.data.from_user_id,
        phoneNumberId,
        timestamp: message.data.timestamp,
      });
      const errors: MessageErrorDetail[] = [];
      for (const [e, rawError] of (message.data.errors ?? []).entries()) {
        const error = this.readError(rawError, at(`messages[${i}].errors[${e}]`));
        if (error) errors.push(error);
      }
      const inbound: InboundMessage = {
        messageId: head.id,
        ...(head.waId !== undefined && { waId: head.waId }),
        ...(head.userId !== undefined && { userId: head.userId }),
        phoneNumberId,
        timestamp: head.timestamp,
        // `raw` is the message as Meta sent it, not as parsed (timestamps stay Meta's seconds).
        content: readInboundContent(rawMessage as Record<string, unknown>, head, errors),
      };
      this.payload.inbound.push(inbound);
      this.sighted({
        waId: message.data.from,
        userId: message.data.from_user_id,
        parentUserId: message.data.from_parent_user_id,
        inboundAt: message.data.timestamp,
      });
    }
    for (const [i, rawError] of (value.data.errors ?? []).entries()) {
      const error = this.readError(rawError, at(`errors[${i}]`));
      if (error) this.payload.accountErrors.push({ ...error, phoneNumberId, path: `${path}.errors[${i}]` });
    }
  }

  /**
   * A customer's marketing preference: the reason behind many 131050 failures, kept on the contact. The
   * change itself is an account event either way; what cannot be read here is set aside like any part.
   */
  private readUserPreferences(raw: unknown, place: PartPlace): void {
    const value = userPreferencesValueSchema.safeParse(raw);
    if (!value.success) return this.unreadable({ ...place, path: `${place.path}.value` }, value.error, raw);
    for (const [i, rawPreference] of value.data.user_preferences.entries()) {
      const path = `${place.path}.value.user_preferences[${i}]`;
      const preference = userPreferenceSchema.safeParse(rawPreference);
      if (!preference.success) {
        this.unreadable({ ...place, path }, preference.error, rawPreference);
        continue;
      }
      const { category, value: choice, timestamp } = preference.data;
      if (category !== undefined && category !== MARKETING_PREFERENCE) continue;
      const optOut = MARKETING_OPT_OUT_BY_CHOICE.get(choice.toLowerCase());
      if (optOut === undefined) continue;
      this.sighted({
        waId: preference.data.wa_id,
        userId: preference.data.user_id,
        marketingOptOut: optOut,
        ...(timestamp !== undefined && { marketingPreferenceAt: timestamp }),
      });
    }
  }

  private readStatus(raw: unknown, place: PartPlace, phoneNumberId: string): void {
    const parsed = statusSchema.safeParse(raw);
    if (!parsed.success) return this.unreadable(place, parsed.error, raw);
    const status = parsed.data;
    this.reportExtraKeys(status, statusSchema.shape, place.path);
    const known = WEBHOOK_STATUSES.get(status.status.toLowerCase());
    if (known === undefined) {
      this.payload.unknownStatuses += 1;
      this.notice({ kind: 'unknown-status', path: place.path, messageId: status.id, status: status.status });
      return;
    }
    const update = this.toStatusUpdate(status, known, phoneNumberId, place);
    this.payload.statuses.push(update);
    if (update.recipientType !== 'group') {
      this.sighted({
        waId: update.recipientId,
        userId: update.recipientUserId,
        parentUserId: update.recipientParentUserId,
      });
    }
  }

  private toStatusUpdate(
    status: StatusPayload,
    known: MessageStatus,
    phoneNumberId: string,
    place: PartPlace,
  ): StatusUpdate {
    const errors: MessageErrorDetail[] = [];
    for (const [i, rawError] of (status.errors ?? []).entries()) {
      const error = this.readError(rawError, { ...place, path: `${place.path}.errors[${i}]` });
      if (error) errors.push(error);
    }
    // Meta's pages spell the parent BSUID three ways; a bare `parent_user_id` on a group status can only
    // be the participant's (the group has none).
    const isGroup = status.recipient_type === 'group';
    const update: StatusUpdate = withoutUndefined({
      messageId: status.id,
      status: known,
      timestamp: status.timestamp,
      recipientId: status.recipient_id,
      recipientUserId: status.recipient_user_id,
      recipientParentUserId:
        status.recipient_parent_user_id ??
        status.parent_recipient_user_id ??
        (isGroup ? undefined : status.parent_user_id),
      recipientType: status.recipient_type,
      recipientParticipantId: status.recipient_participant_id ?? status.participant_recipient_id,
      recipientParticipantUserId: status.recipient_participant_user_id,
      recipientParticipantParentUserId:
        status.recipient_participant_parent_user_id ?? (isGroup ? status.parent_user_id : undefined),
      phoneNumberId,
      errors,
    });
    if (status.conversation !== undefined) {
      const conversation = this.readPart(
        conversationSchema,
        status.conversation,
        `${place.path}.conversation`,
        place,
      );
      if (conversation) {
        update.conversation = withoutUndefined<ConversationInfo>({
          id: conversation.id,
          expiresAt: conversation.expiration_timestamp,
          originType: conversation.origin?.type,
        });
      }
    }
    if (status.pricing !== undefined) {
      const pricing = this.readPart(pricingSchema, status.pricing, `${place.path}.pricing`, place);
      if (pricing) {
        update.pricing = withoutUndefined<PricingInfo>({
          billable: pricing.billable,
          pricingModel: pricing.pricing_model,
          category: pricing.category,
          type: pricing.type,
        });
      }
    }
    return update;
  }

  private readError(raw: unknown, place: PartPlace): MessageErrorDetail | null {
    const error = errorSchema.safeParse(raw);
    if (!error.success) {
      this.unreadable(place, error.error, raw);
      return null;
    }
    return withoutUndefined<MessageErrorDetail>({
      code: error.data.code,
      title: error.data.title,
      message: error.data.message,
      details: error.data.error_data?.details,
      href: error.data.href,
    });
  }

  /** A nested object of a readable part: when broken it is set aside alone and the part is kept without it. */
  private readPart<S extends z.ZodObject>(
    schema: S,
    raw: unknown,
    path: string,
    place: PartPlace,
  ): z.output<S> | null {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      this.unreadable({ ...place, path }, parsed.error, raw);
      return null;
    }
    this.reportExtraKeys(parsed.data as Record<string, unknown>, schema.shape, path);
    return parsed.data;
  }

  /**
   * Messages the business sent from the WhatsApp Business app. Each is an outbound message of its customer
   * (`to`), never an inbound one: it neither opens the service window nor counts as the customer writing.
   */
  private readEchoesValue(raw: unknown, place: PartPlace): void {
    const value = echoesValueSchema.safeParse(raw);
    if (!value.success) return this.unreadable(place, value.error, raw);
    const { path } = place;
    const { phone_number_id: phoneNumberId, display_phone_number: business } = value.data.metadata;
    const at = (item: string): PartPlace => ({ ...place, path: `${path}.${item}`, phoneNumberId });
    this.reportExtraKeys(value.data, echoesValueSchema.shape, path);
    this.readContactList(value.data.contacts ?? [], at);
    for (const [i, rawEcho] of value.data.message_echoes.entries()) {
      const parsed = messageEchoSchema.safeParse(rawEcho);
      if (!parsed.success) {
        this.unreadable(at(`message_echoes[${i}]`), parsed.error, rawEcho);
        continue;
      }
      const recipient = echoRecipient(parsed.data, business);
      if (recipient === null) {
        this.unreadableBecause(
          at(`message_echoes[${i}]`),
          'names no customer: to and from are the business',
          rawEcho,
        );
        continue;
      }
      const content = readEchoContent(rawEcho as Record<string, unknown>);
      this.payload.echoes.push(
        withoutUndefined<NewEcho>({
          id: parsed.data.id,
          phoneNumberId,
          recipient: recipient.waId === undefined ? undefined : `+${recipient.waId}`,
          waId: recipient.waId,
          recipientUserId: recipient.userId,
          recipientParentUserId: recipient.parentUserId,
          type: content.type,
          timestamp: parsed.data.timestamp,
          text: content.text,
          originalMessageId: content.originalMessageId,
          // As Meta sent it (timestamps stay Meta's seconds), for the content the gateway does not model.
          rawJson: JSON.stringify(rawEcho),
        }),
      );
      this.sighted(recipient);
    }
  }

  /**
   * Calls (`calls[]`: connect, terminate) and their statuses (`statuses[]`: ringing, accepted, rejected),
   * each a call event of its customer. The change's `value.errors` are the errors of its calls (Meta's
   * example: 12455 beside a terminated call); in a change without a readable call they are kept as
   * account-level errors, so that none is lost.
   */
  private readCallsValue(raw: unknown, place: PartPlace): void {
    const value = callsValueSchema.safeParse(raw);
    if (!value.success) return this.unreadable(place, value.error, raw);
    const { path } = place;
    const { phone_number_id: phoneNumberId, display_phone_number: business } = value.data.metadata;
    const at = (item: string): PartPlace => ({ ...place, path: `${path}.${item}`, phoneNumberId });
    this.reportExtraKeys(value.data, callsValueSchema.shape, path);
    const contacts = this.readContactList(value.data.contacts ?? [], at);
    // Meta's example names the customer in `contacts[]` as well: with one there, a side left out is it.
    const onlyContact = contacts.length === 1 ? (contacts[0] as Party) : null;
    const changeErrors: Array<{ error: MessageErrorDetail; path: string }> = [];
    for (const [i, rawError] of (value.data.errors ?? []).entries()) {
      const error = this.readError(rawError, at(`errors[${i}]`));
      if (error) changeErrors.push({ error, path: `${path}.errors[${i}]` });
    }
    const before = this.payload.callEvents.length;
    const itemErrors = (item: string, list: unknown[] | undefined): MessageErrorDetail[] => {
      const errors: MessageErrorDetail[] = [];
      for (const [e, rawError] of (list ?? []).entries()) {
        const error = this.readError(rawError, at(`${item}.errors[${e}]`));
        if (error) errors.push(error);
      }
      return [...errors, ...changeErrors.map(({ error }) => ({ ...error }))];
    };
    const addEvent = (
      item: string,
      rawItem: unknown,
      customer: Party | null,
      errorList: unknown[] | undefined,
      eventOf: (context: CallContext) => ParsedCallEvent,
    ): void => {
      if (customer === null) {
        this.unreadableBecause(at(item), 'names no customer: neither its sides nor contacts[]', rawItem);
        return;
      }
      const errors = itemErrors(item, errorList);
      this.payload.callEvents.push(
        eventOf({ phoneNumberId, customer, errors, raw: rawItem as Record<string, unknown> }),
      );
      this.sighted(customer);
    };
    for (const [i, rawCall] of (value.data.calls ?? []).entries()) {
      const call = callSchema.safeParse(rawCall);
      if (!call.success) {
        this.unreadable(at(`calls[${i}]`), call.error, rawCall);
        continue;
      }
      const customer = callCustomer(call.data, business) ?? onlyContact;
      addEvent(`calls[${i}]`, rawCall, customer, call.data.errors, (context) =>
        callEventOf(call.data, context),
      );
    }
    for (const [i, rawStatus] of (value.data.statuses ?? []).entries()) {
      const status = callStatusSchema.safeParse(rawStatus);
      if (!status.success) {
        this.unreadable(at(`statuses[${i}]`), status.error, rawStatus);
        continue;
      }
      const named = withoutUndefined<Party>({
        waId: status.data.recipient_id,
        userId: status.data.recipient_user_id,
      });
      const customer = named.waId !== undefined || named.userId !== undefined ? named : onlyContact;
      addEvent(`statuses[${i}]`, rawStatus, customer, status.data.errors, (context) =>
        callStatusEventOf(status.data, context),
      );
    }
    if (this.payload.callEvents.length === before) {
      for (const { error, path: errorPath } of changeErrors) {
        this.payload.accountErrors.push({ ...error, phoneNumberId, path: errorPath });
      }
    }
  }

  /** The customers a change's `contacts[]` names, each also a sighting; an unreadable one is set aside. */
  private readContactList(list: readonly unknown[], at: (item: string) => PartPlace): Party[] {
    const parties: Party[] = [];
    for (const [i, rawContact] of list.entries()) {
      const contact = contactSchema.safeParse(rawContact);
      if (!contact.success) {
        this.unreadable(at(`contacts[${i}]`), contact.error, rawContact);
        continue;
      }
      const party = withoutUndefined<Party>({
        waId: contact.data.wa_id,
        userId: contact.data.user_id,
        parentUserId: contact.data.parent_user_id,
      });
      if (party.waId !== undefined || party.userId !== undefined) parties.push(party);
      this.sighted({
        ...party,
        username: contact.data.profile?.username,
        profileName: contact.data.profile?.name,
      });
    }
    return parties;
  }

  /** A part the schemas read but whose meaning the gateway cannot tell; kept whole like any unreadable part. */
  private unreadableBecause(place: PartPlace, reason: string, raw: unknown): void {
    this.payload.unreadable.push({ ...place, reason, raw });
  }

  /** Sightings of one customer in one body become one, so that a busy body costs one write per customer. */
  private sighted(sighting: ContactSighting): void {
    const cleaned = withoutUndefined(sighting);
    if (cleaned.waId === undefined && cleaned.userId === undefined) return;
    const seen =
      (cleaned.userId !== undefined ? this.contactsByIdentity.get(`u:${cleaned.userId}`) : undefined) ??
      (cleaned.waId !== undefined ? this.contactsByIdentity.get(`w:${cleaned.waId}`) : undefined);
    if (seen === undefined) {
      this.payload.contacts.push(cleaned);
      this.remember(cleaned);
      return;
    }
    const { inboundAt, ...rest } = cleaned;
    const laterPreference =
      rest.marketingPreferenceAt === undefined ||
      seen.marketingPreferenceAt === undefined ||
      rest.marketingPreferenceAt >= seen.marketingPreferenceAt;
    if (!laterPreference) {
      delete rest.marketingOptOut;
      delete rest.marketingPreferenceAt;
    }
    Object.assign(seen, rest);
    if (inboundAt !== undefined && (seen.inboundAt === undefined || inboundAt > seen.inboundAt)) {
      seen.inboundAt = inboundAt;
    }
    this.remember(seen);
  }

  private remember(sighting: ContactSighting): void {
    if (sighting.userId !== undefined) this.contactsByIdentity.set(`u:${sighting.userId}`, sighting);
    if (sighting.waId !== undefined) this.contactsByIdentity.set(`w:${sighting.waId}`, sighting);
  }

  private unreadable(place: PartPlace, error: z.ZodError, raw: unknown): void {
    const issues = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
      const where = issue.path.reduce<string>(
        (text, key) =>
          typeof key === 'number' ? `${text}[${key}]` : `${text}${text === '' ? '' : '.'}${String(key)}`,
        '',
      );
      return `${where === '' ? '(part)' : where}: ${issue.message}`;
    });
    if (error.issues.length > MAX_REPORTED_ISSUES)
      issues.push(`… and ${error.issues.length - MAX_REPORTED_ISSUES} more`);
    this.payload.unreadable.push({ ...place, reason: issues.join('; '), raw });
  }

  private notice(item: PayloadNotice): void {
    if (this.payload.notices.length < MAX_REPORTED_NOTICES) this.payload.notices.push(item);
    else this.payload.omittedNotices += 1;
  }

  private reportExtraKeys(
    value: Record<string, unknown>,
    shape: Record<string, unknown>,
    path: string,
  ): void {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key))
        this.notice({ kind: 'extra-property', path: path === '' ? key : `${path}.${key}` });
    }
  }
}
