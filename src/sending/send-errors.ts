/** What kind of domain error a send ended in; the GraphQL layer maps each to one error code. */
export enum SendErrorKind {
  /** The input cannot be sent as given; `field` names the part at fault. */
  INVALID_INPUT = 'invalid_input',
  /** The sender is above its rate; nothing was sent. */
  RATE_LIMITED = 'rate_limited',
  /** The idempotency key was used before for another message. */
  IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused',
  /** A call with the same idempotency key is still in flight. */
  IDEMPOTENCY_KEY_BUSY = 'idempotency_key_busy',
  /** The send under this idempotency key timed out: Meta may or may not have sent it. */
  OUTCOME_UNKNOWN = 'outcome_unknown',
  /** Meta accepted the call but its answer named no message. */
  NO_MESSAGE_ID = 'no_message_id',
}

/** The base of the sending domain's errors: a `kind` to switch on and a message meant for the caller. */
export abstract class SendError extends Error {
  abstract readonly kind: SendErrorKind;
}

export class InvalidSendInputError extends SendError {
  override readonly name = 'InvalidSendInputError';
  readonly kind = SendErrorKind.INVALID_INPUT;

  /** `field` is a dotted path from the mutation's argument, e.g. `input.text.body`. */
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class SendRateLimitedError extends SendError {
  override readonly name = 'SendRateLimitedError';
  readonly kind = SendErrorKind.RATE_LIMITED;

  constructor(
    readonly retryAfterMs: number,
    ratePerSecond: number,
  ) {
    super(
      `This sender is above its limit of ${ratePerSecond} messages a second; retry after ${retryAfterMs} ms.`,
    );
  }
}

export class IdempotencyKeyReusedError extends SendError {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly kind = SendErrorKind.IDEMPOTENCY_KEY_REUSED;

  constructor() {
    super('This idempotencyKey was already used for a different message; use a new key for a new message.');
  }
}

export class IdempotencyKeyBusyError extends SendError {
  override readonly name = 'IdempotencyKeyBusyError';
  readonly kind = SendErrorKind.IDEMPOTENCY_KEY_BUSY;

  constructor() {
    super(
      'A call with this idempotencyKey is still in progress, so whether the message was sent is not known yet; try again shortly with the same key.',
    );
  }
}

/**
 * The first send under an idempotency key timed out. Meta does not deduplicate sends, so it may have
 * gone out: the key keeps this answer instead of sending again, and only a new key sends anew.
 */
export class SendOutcomeUnknownError extends SendError {
  override readonly name = 'SendOutcomeUnknownError';
  readonly kind = SendErrorKind.OUTCOME_UNKNOWN;

  constructor() {
    super(
      'The Cloud API did not answer in time: the message may or may not have been sent. This idempotencyKey will not send it again; to send it anyway, call with a new idempotencyKey.',
    );
  }
}

export class NoMessageIdError extends SendError {
  override readonly name = 'NoMessageIdError';
  readonly kind = SendErrorKind.NO_MESSAGE_ID;

  constructor() {
    super('The Cloud API answered without a message id.');
  }
}

/** Every domain error of a send, discriminated by `kind`. */
export type AnySendError =
  | InvalidSendInputError
  | SendRateLimitedError
  | IdempotencyKeyReusedError
  | IdempotencyKeyBusyError
  | SendOutcomeUnknownError
  | NoMessageIdError;

export function isSendError(error: unknown): error is AnySendError {
  return error instanceof SendError;
}

export const invalidInput = (field: string, message: string): InvalidSendInputError =>
  new InvalidSendInputError(field, message);
