import { CallEventKind, type NewCallEvent } from '../calls';
import { type MessageErrorDetail } from '../messages';
import { isNumber, type Party } from './echo-reader';
import { withoutUndefined } from './json-fields';
import { type CallPayload, type CallStatusPayload } from './webhook-payload.schema';
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
  raw: Record<string, unknown>;
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
  const customer: Party = {};
  if (context.customer.waId !== undefined) customer.waId = context.customer.waId;
  if (context.customer.userId !== undefined) customer.userId = context.customer.userId;
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
