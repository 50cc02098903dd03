import { type SendMessageRequest } from '../upstream';
import { contentKindOf, contentObject, type ContentKind } from './message-content';
import { parseRecipient, type Recipient } from './recipient';
import { invalidInput } from './send-errors';
import { type SendMessageFields } from './send-fields';
import { isWamid } from './wamid';

/** The longest idempotency key accepted; longer ones are refused as bad input. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const PHONE_NUMBER_ID = /^\d{1,32}$/;

/**
 * One send, checked once: who it goes to, from which number, and Meta's body for it. Every part of the
 * sending domain (idempotency, rate limit, the send, the record) reads this, never the GraphQL input.
 */
export interface SendCommand {
  readonly recipient: Recipient;
  readonly phoneNumberId: string;
  readonly kind: ContentKind;
  /** The JSON body of `POST /{phone-number-id}/messages`. */
  readonly body: SendMessageRequest;
  /** Null when the caller gave none: the send is then not deduplicated. */
  readonly idempotencyKey: string | null;
  /** Who asks: the caller's API key id (never the key). Idempotency keys are the caller's own. */
  readonly callerId: string;
}

/**
 * Checks a `sendMessage` input the way Meta would and builds the command, so that bad input is answered
 * at once, with the field at fault named, instead of costing an upstream call. Throws
 * `InvalidSendInputError`.
 */
export function parseSendCommand(
  input: SendMessageFields,
  defaultPhoneNumberId: string,
  callerId: string,
): SendCommand {
  const recipient = parseRecipient(input.to);
  const phoneNumberId = input.phoneNumberId ?? defaultPhoneNumberId;
  if (!PHONE_NUMBER_ID.test(phoneNumberId)) {
    throw invalidInput('input.phoneNumberId', 'input.phoneNumberId must be the digits of a phone number id.');
  }
  const idempotencyKey = input.idempotencyKey ?? null;
  if (
    idempotencyKey !== null &&
    (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
  ) {
    throw invalidInput(
      'input.idempotencyKey',
      `input.idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, for example a UUID.`,
    );
  }
  const kind = contentKindOf(input);
  const body: Record<string, unknown> = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    // Meta's body names a phone recipient `to` (digits) and a BSUID recipient `recipient`.
    ...(recipient.kind === 'phone' ? { to: recipient.digits } : { recipient: recipient.userId }),
    type: kind,
    [kind]: contentObject(input, kind),
  };
  if (input.replyTo !== null && input.replyTo !== undefined) {
    if (!isWamid(input.replyTo))
      throw invalidInput('input.replyTo', 'input.replyTo must be a message id (wamid.…).');
    body.context = { message_id: input.replyTo };
  }
  // Built field by field to Meta's schema above; the cast names that type.
  return {
    recipient,
    phoneNumberId,
    kind,
    body: body as unknown as SendMessageRequest,
    idempotencyKey,
    callerId,
  };
}
