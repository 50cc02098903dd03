import { setTimeout as delay } from 'node:timers/promises';
import { type MessageStore } from '../messages';
import { type IdempotencyStore } from './idempotency-store';
import { type Logger } from '../observability';
import { TRANSIENT_ERROR_CODES, UpstreamFailureKind, isUpstreamFailure } from '../upstream';
import { type SendCommand } from './send-command';
import { hashSendCommand } from './send-command-hash';
import { IdempotencyKeyBusyError, IdempotencyKeyReusedError, SendOutcomeUnknownError } from './send-errors';
import { type SendHandler, type SendOutcome } from './send-outcome';
import { type SendRejection } from './send-rejection';

export interface IdempotentSenderOptions {
  /** The sender that really sends (usually behind the rate limit). */
  inner: SendHandler;
  keys: IdempotencyStore;
  /** Where a repeat reads the message the first call sent, in its current state. */
  messages: MessageStore;
  /**
   * How long a repeat waits for a concurrent first call with the same key to finish, in ms; past it the
   * repeat fails with `IdempotencyKeyBusyError` (try again). Choose it above the store's pending lease, so that
   * a repeat outlives the claim of a gateway that died mid-send and then sends itself. Default 60,000.
   */
  waitTimeoutMs?: number;
  /** First poll gap while waiting, in ms; it doubles up to 250 ms. Default 20. */
  pollIntervalMs?: number;
  /** Logs keys that could not be completed or released (the send's own result is still returned). */
  logger?: Logger;
  /** Epoch millis, for the wait on a concurrent first call; default `Date.now`. */
  now?: () => number;
}

/**
 * What is kept under a completed key: the message id (re-read on a repeat), Meta's refusal, or that the
 * send timed out and may or may not have gone out.
 */
type StoredOutcome =
  { kind: 'sent'; messageId: string } | { kind: 'rejected'; rejection: SendRejection } | { kind: 'unknown' };

const MAX_POLL_INTERVAL_MS = 250;

/** A completed key holds an outcome this sender did not store: the key store and the sender disagree. */
export class MalformedStoredOutcomeError extends Error {
  constructor(problem: string) {
    super(`An idempotency key holds a malformed outcome: ${problem}.`);
    this.name = 'MalformedStoredOutcomeError';
  }
}

/** The outcome a completed key holds, as `store` wrote it, checked; `MalformedStoredOutcomeError` if not. */
export function decodeStoredOutcome(raw: string): StoredOutcome {
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    throw new MalformedStoredOutcomeError('not JSON');
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new MalformedStoredOutcomeError('not a JSON object');
  }
  const { kind } = stored as { kind?: unknown };
  if (kind === 'unknown') return { kind };
  if (kind === 'sent') {
    const { messageId } = stored as { messageId?: unknown };
    if (typeof messageId !== 'string' || messageId === '') {
      throw new MalformedStoredOutcomeError('a sent outcome without its message id');
    }
    return { kind, messageId };
  }
  if (kind === 'rejected') {
    return { kind, rejection: decodeStoredRejection((stored as { rejection?: unknown }).rejection) };
  }
  throw new MalformedStoredOutcomeError(`an unknown kind (${JSON.stringify(kind) ?? 'none'})`);
}

function decodeStoredRejection(value: unknown): SendRejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedStoredOutcomeError('a rejected outcome without its rejection');
  }
  const fields = value as Partial<Record<keyof SendRejection, unknown>>;
  const field = <T>(name: keyof SendRejection, type: 'number' | 'string', nullable: boolean): T => {
    const found = fields[name];
    if (typeof found === type || (nullable && found === null)) return found as T;
    throw new MalformedStoredOutcomeError(
      `a rejection whose ${name} is not a ${type}${nullable ? ' or null' : ''}`,
    );
  };
  return {
    httpStatus: field<number | null>('httpStatus', 'number', true),
    code: field<number>('code', 'number', false),
    subcode: field<number | null>('subcode', 'number', true),
    type: field<string | null>('type', 'string', true),
    title: field<string | null>('title', 'string', true),
    message: field<string>('message', 'string', false),
    details: field<string | null>('details', 'string', true),
    fbtraceId: field<string | null>('fbtraceId', 'string', true),
    recipient: field<string>('recipient', 'string', false),
    phoneNumberId: field<string>('phoneNumberId', 'string', false),
    // Absent (Meta's answer, or stored before the field existed) stays absent.
    ...(fields.detectedBy === 'GATEWAY' && { detectedBy: 'GATEWAY' as const }),
  };
}

/**
 * `sendMessage` with `idempotencyKey`: the first call sends; a repeat (on any gateway sharing the key
 * store) gets the first call's payload without a second upstream call, and the same key with another
 * input is `IdempotencyKeyReusedError`. Keys are the caller's own (scoped by API key id) and the
 * sender's (phone number id): two callers using the same key send two messages.
 *
 * Exactly one upstream send per key, whatever the concurrency and on every instance:
 * - a sent message and a permanent refusal by Meta are stored for the key's TTL;
 * - a send that timed out (or whose answer was cut off) may have reached the customer, and Meta does not
 *   dedupe sends: the key keeps "outcome unknown", and every repeat gets `SendOutcomeUnknownError`. To
 *   send anyway the caller asks explicitly, with a new key;
 * - a refusal that surely created no message (Meta's transient refusal, the rate limit, an open breaker,
 *   a connection that failed before any answer) releases the key, so that a retry sends;
 * - while the first call is in flight, repeats wait for its outcome, up to `waitTimeoutMs`, and then get
 *   `IdempotencyKeyBusyError`.
 * The one exception: a gateway that dies mid-send leaves a claim that lapses with the store's pending
 * lease, and the next call with the key then sends.
 */
export class IdempotentSender implements SendHandler {
  private readonly waitTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: IdempotentSenderOptions) {
    this.now = options.now ?? Date.now;
    this.waitTimeoutMs = wholeMs('waitTimeoutMs', options.waitTimeoutMs ?? 60_000);
    this.pollIntervalMs = wholeMs('pollIntervalMs', options.pollIntervalMs ?? 20);
  }

  send(command: SendCommand): Promise<SendOutcome> {
    const key = command.idempotencyKey;
    if (key === null) return this.options.inner.send(command);
    return this.sendOnce(command, key);
  }

  private async sendOnce(command: SendCommand, key: string): Promise<SendOutcome> {
    // The command was checked when it was parsed; the hash is of the normalised request.
    const scope = `${command.callerId}/${command.phoneNumberId}`;
    const inputHash = hashSendCommand(command);
    const deadline = this.now() + this.waitTimeoutMs;
    let pause = this.pollIntervalMs;
    for (;;) {
      const claim = await this.options.keys.claim(scope, key, inputHash);
      if (claim.claimed) return this.sendAsOwner(command, scope, key, claim.owner);
      const { entry } = claim;
      if (entry.inputHash !== inputHash) throw new IdempotencyKeyReusedError();
      if (entry.state === 'completed') return this.replay(entry.outcome);
      const left = deadline - this.now();
      if (left <= 0) throw new IdempotencyKeyBusyError();
      // The pending claim ends in an outcome, a release (then this loop claims and sends) or a lapse.
      await delay(Math.min(pause, left));
      pause = Math.min(pause * 2, MAX_POLL_INTERVAL_MS);
    }
  }

  private async sendAsOwner(
    command: SendCommand,
    scope: string,
    key: string,
    owner: string,
  ): Promise<SendOutcome> {
    let outcome: SendOutcome;
    try {
      outcome = await this.options.inner.send(command);
    } catch (error) {
      if (!mayHaveBeenSent(error)) {
        await this.release(scope, key, owner);
        throw error;
      }
      await this.store(scope, key, owner, { kind: 'unknown' });
      throw new SendOutcomeUnknownError();
    }
    if (outcome.kind === 'rejected' && isTransientRejection(outcome.rejection)) {
      await this.release(scope, key, owner);
      return outcome;
    }
    await this.store(
      scope,
      key,
      owner,
      outcome.kind === 'sent'
        ? { kind: 'sent', messageId: outcome.message.id }
        : { kind: 'rejected', rejection: outcome.rejection },
    );
    return outcome;
  }

  /** Completes the key. The send happened: its result goes back to the caller even if this fails. */
  private async store(scope: string, key: string, owner: string, stored: StoredOutcome): Promise<void> {
    const completed = await this.options.keys
      .complete(scope, key, owner, JSON.stringify(stored))
      .catch((err: unknown) => {
        this.options.logger?.error({ err, scope }, 'An idempotency key could not be completed');
        return true;
      });
    if (!completed) {
      this.options.logger?.warn({ scope }, 'An idempotency key lapsed during its send and was taken over');
    }
  }

  private async release(scope: string, key: string, owner: string): Promise<void> {
    // A failed release must not hide the send's own error; the claim then lapses with its lease.
    await this.options.keys.release(scope, key, owner).catch((err: unknown) => {
      this.options.logger?.warn({ err, scope }, 'An idempotency key could not be released');
    });
  }

  private async replay(raw: string): Promise<SendOutcome> {
    const stored = decodeStoredOutcome(raw);
    if (stored.kind === 'unknown') throw new SendOutcomeUnknownError();
    if (stored.kind === 'rejected') return { kind: 'rejected', rejection: stored.rejection };
    const [message] = await this.options.messages.getMany([stored.messageId]);
    if (!message) throw new Error(`idempotency key names message ${stored.messageId}, which is not stored`);
    return { kind: 'sent', message };
  }
}

/**
 * Whether a failed send may still have reached Meta: no answer in time, or an answer cut off after its
 * status line (Meta's logic had run). Everything else failed before the request was taken.
 */
function mayHaveBeenSent(error: unknown): boolean {
  if (!isUpstreamFailure(error)) return false;
  return (
    error.kind === UpstreamFailureKind.TIMEOUT ||
    (error.kind === UpstreamFailureKind.NETWORK && error.responseStarted)
  );
}

/** A refusal a retry may get past: Meta created no message, so sending again cannot duplicate one. */
function isTransientRejection(rejection: SendRejection): boolean {
  return (
    (rejection.httpStatus !== null && rejection.httpStatus >= 500) ||
    rejection.httpStatus === 429 ||
    TRANSIENT_ERROR_CODES.has(rejection.code)
  );
}

function wholeMs(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive whole number of milliseconds, got ${String(value)}.`);
  }
  return value;
}
