import { CallEventKind, type NewCallEvent } from '../calls';
import { type MessageErrorDetail } from '../messages';
import { isNumber } from './echo-reader';
import { type Json, object, withoutUndefined } from './json-fields';
import { itemPlace, type PayloadReader } from './payload-reader';
import {
  type CallPayload,
  callSchema,
  type CallStatusPayload,
  callStatusSchema,
  callsValueSchema,
} from './webhook-payload.schema';
import { type Party, type PartPlace } from './webhook-payload.types';
import { type EpochMillis } from '../store-kit';

/** A call event as read from a webhook; the handler stamps when it was received. */
export type ParsedCallEvent = Omit<NewCallEvent, 'receivedAt'>;

/** Meta's `event` words (compared in lower case) and the kinds they become. */
const CALL_EVENT_KINDS: ReadonlyMap<string, CallEventKind> = new Map([
  ['connect', CallEventKind.CONNECT],
  ['terminate', CallEventKind.TERMINATE],
]);

/** What every call event carries besides what its item says. */
export interface CallContext {
  phoneNumberId: string;
  customer: Party;
  /** The item's errors and those of its change's `value.errors`, read already. */
  errors: MessageErrorDetail[];
  raw: Json;
}

/**
 * The value of a `calls` change: calls (`calls[]`: connect, terminate) and their statuses (`statuses[]`:
 * ringing, accepted, rejected), each a call event of its customer. The change's `value.errors` are the
 * errors of its calls (Meta's example: 12455 beside a terminated call); in a change without a readable
 * call they are kept as account-level errors, so that none is lost.
 */
export function readCallsValue(reader: PayloadReader, raw: unknown, place: PartPlace): void {
  const value = reader.readObject(callsValueSchema, raw, place);
  if (value === null) return;
  const { phone_number_id: phoneNumberId, display_phone_number: business } = value.metadata;
  const at = itemPlace(place, phoneNumberId);
  const contacts = reader.readContactList(value.contacts ?? [], at);
  // Meta's example names the customer in `contacts[]` as well: with one there, a side left out is it.
  const onlyContact = contacts.length === 1 ? (contacts[0] ?? null) : null;
  const changeErrors = reader.readPlacedErrors(value.errors, { ...place, phoneNumberId });
  const before = reader.payload.callEvents.length;
  const addEvent = (
    item: string,
    rawItem: unknown,
    customer: Party | null,
    itemErrors: unknown[] | undefined,
    eventOf: (context: CallContext) => ParsedCallEvent,
  ): void => {
    if (customer === null) {
      return reader.setAside(at(item), 'names no customer: neither its sides nor contacts[]', rawItem);
    }
    const errors = [
      ...reader.readErrors(itemErrors, at(item)),
      ...changeErrors.map(({ error }) => ({ ...error })),
    ];
    reader.payload.callEvents.push(eventOf({ phoneNumberId, customer, errors, raw: object(rawItem) }));
    reader.sighted(customer);
  };
  (value.calls ?? []).forEach((rawCall, i) => {
    const call = reader.read(callSchema, rawCall, at(`calls[${i}]`));
    if (call === null) return;
    const customer = callCustomer(call, business) ?? onlyContact;
    addEvent(`calls[${i}]`, rawCall, customer, call.errors, (context) => callEventOf(call, context));
  });
  (value.statuses ?? []).forEach((rawStatus, i) => {
    const status = reader.read(callStatusSchema, rawStatus, at(`statuses[${i}]`));
    if (status === null) return;
    const named = withoutUndefined<Party>({ waId: status.recipient_id, userId: status.recipient_user_id });
    const customer = named.waId !== undefined || named.userId !== undefined ? named : onlyContact;
    addEvent(`statuses[${i}]`, rawStatus, customer, status.errors, (context) =>
      callStatusEventOf(status, context),
    );
  });
  if (reader.payload.callEvents.length === before) {
    for (const { error, path } of changeErrors)
      reader.payload.accountErrors.push({ ...error, phoneNumberId, path });
  }
}

/**
 * The customer of a `calls[]` item: the side that is not the business's number; when Meta's example names
 * neither (or both) so, the side the `direction` says (the caller of a user-initiated call, the callee of
 * a business-initiated one). Null when neither tells.
 */
export function callCustomer(call: CallPayload, businessNumber: string | undefined): Party | null {
  const toBusiness = isNumber(call.to, businessNumber);
  const fromBusiness = isNumber(call.from, businessNumber);
  let side: 'from' | 'to' | null = null;
  if (toBusiness && !fromBusiness) side = 'from';
  else if (fromBusiness && !toBusiness) side = 'to';
  else if (call.direction?.toUpperCase() === 'USER_INITIATED') side = 'from';
  else if (call.direction?.toUpperCase() === 'BUSINESS_INITIATED') side = 'to';
  if (side === null) return null;
  const party = withoutUndefined<Party>(
    side === 'from'
      ? { waId: call.from, userId: call.from_user_id }
      : { waId: call.to, userId: call.to_user_id },
  );
  return party.waId === undefined && party.userId === undefined ? null : party;
}

/** A `calls[]` item (`connect`, `terminate`) as a call event. */
export function callEventOf(call: CallPayload, context: CallContext): ParsedCallEvent {
  const kind = CALL_EVENT_KINDS.get(call.event?.toLowerCase() ?? '') ?? CallEventKind.UNKNOWN;
  return withoutUndefined<ParsedCallEvent>({
    ...head(call.id, kind, call.status ?? call.event, call.timestamp, context),
    event: call.event,
    status: call.status,
    direction: call.direction,
    startedAt: call.start_time,
    endedAt: call.end_time,
    durationSeconds: call.duration,
    bizOpaqueCallbackData: call.biz_opaque_callback_data,
  });
}

/** A `statuses[]` item of the `calls` field (`RINGING`, `ACCEPTED`, `REJECTED`) as a call event. */
export function callStatusEventOf(status: CallStatusPayload, context: CallContext): ParsedCallEvent {
  return withoutUndefined<ParsedCallEvent>({
    ...head(status.id, CallEventKind.STATUS, status.status, status.timestamp, context),
    status: status.status,
    bizOpaqueCallbackData: status.biz_opaque_callback_data,
  });
}

function head(
  callId: string,
  kind: CallEventKind,
  word: string | undefined,
  timestamp: EpochMillis,
  context: CallContext,
): Pick<
  ParsedCallEvent,
  'id' | 'callId' | 'phoneNumberId' | 'customer' | 'kind' | 'timestamp' | 'errors' | 'raw'
> {
  const customer = withoutUndefined<Party>({ waId: context.customer.waId, userId: context.customer.userId });
  return {
    // Meta's redelivery of an event repeats all of these; two events of one call differ in one at least.
    id: `${callId}|${kind}|${word ?? ''}|${timestamp}`,
    callId,
    phoneNumberId: context.phoneNumberId,
    customer,
    kind,
    timestamp,
    errors: context.errors,
    raw: context.raw,
  };
}
