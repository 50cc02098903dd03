import 'reflect-metadata';
import { GatewayError, GatewayErrorCode } from '../../../src/graphql';
import {
  hashSendCommand,
  IdempotentSender,
  parseSendCommand,
  type SendCommand,
  type SendMessageFields,
  type SendOutcome,
  type SendRejection,
  MemoryIdempotencyStore,
} from '../../../src/sending';
import { createMemoryMessaging, MessageStatus, type MessageStore } from '../../../src/messages';
import { UpstreamNetworkError, UpstreamTimeoutError } from '../../../src/upstream';
import { decodeStoredOutcome, MalformedStoredOutcomeError } from '../../../src/sending/idempotent-sender';
import { IdempotencyKeyBusyError } from '../../../src/sending/send-errors';
import { THE_CALLER, throughResolver } from './send-through';

const SENDER = '106540352242922';
const TO = '+12025550100';
/** Keys are the caller's own and the sender's. */
const SCOPE = `${THE_CALLER}/${SENDER}`;

/** A sender that records each call and answers what the test scripts, after `gate` opens. */
class ScriptedSender {
  calls: SendCommand[] = [];
  answers: Array<(command: SendCommand) => Promise<SendOutcome>> = [];
  gate: Promise<void> = Promise.resolve();

  constructor(private readonly store: MessageStore) {}

  async send(command: SendCommand): Promise<SendOutcome> {
    this.calls.push(command);
    await this.gate;
    const answer = this.answers.shift() ?? ((given) => this.sent(given));
    return answer(command);
  }

  async sent(command: SendCommand): Promise<SendOutcome> {
    const id = `wamid.TEST${this.calls.length}${Math.random().toString(36).slice(2, 8)}`;
    const message = {
      id,
      phoneNumberId: command.phoneNumberId,
      recipient: TO,
      waId: TO.slice(1),
      type: 'text',
      status: MessageStatus.ACCEPTED,
      createdAt: 1,
    } as const;
    await this.store.recordSent(message, 1);
    const [record] = await this.store.getMany([id]);
    return { kind: 'sent', message: record! };
  }
}

const rejection = (code: number, httpStatus: number): SendRejection => ({
  httpStatus,
  code,
  subcode: null,
  type: 'OAuthException',
  title: 'Refused',
  message: `(#${code}) Refused`,
  details: null,
  fbtraceId: 'AbCdEf',
  recipient: TO,
  phoneNumberId: SENDER,
});

const text = (body: string, extra: Partial<SendMessageFields> = {}): SendMessageFields => ({
  to: TO,
  text: { body },
  ...extra,
});

describe('IdempotentSender', () => {
  let store: MessageStore;
  let inner: ScriptedSender;
  let keys: MemoryIdempotencyStore;
  let sender: ReturnType<typeof throughResolver>;

  beforeEach(() => {
    store = createMemoryMessaging().store;
    inner = new ScriptedSender(store);
    keys = new MemoryIdempotencyStore({ ttlMs: 60_000, pendingLeaseMs: 30_000 });
    sender = throughResolver(
      new IdempotentSender({ inner, keys, messages: store, waitTimeoutMs: 5_000, pollIntervalMs: 1 }),
      SENDER,
    );
  });

  it('sends once for 8 concurrent calls with one key; all get the same message', async () => {
    let open!: () => void;
    inner.gate = new Promise((resolve) => (open = resolve));
    const calls = Array.from({ length: 8 }, () => sender.send(text('Hello', { idempotencyKey: 'k-1' })));
    // Let every call reach the store before the first send finishes.
    await new Promise((resolve) => setImmediate(resolve));
    open();
    const outcomes = await Promise.all(calls);
    expect(inner.calls).toHaveLength(1);
    const ids = outcomes.map((outcome) => (outcome.kind === 'sent' ? outcome.message.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^wamid\.TEST1/);
  });

  it('answers a later repeat with the message as stored now', async () => {
    const first = await sender.send(text('Hello', { idempotencyKey: 'k-2' }));
    if (first.kind !== 'sent') throw new Error('expected a sent message');
    await store.applyStatuses(
      [
        {
          messageId: first.message.id,
          status: MessageStatus.DELIVERED,
          timestamp: 5,
          recipientId: TO.slice(1),
          phoneNumberId: SENDER,
          errors: [],
        },
      ],
      6,
    );
    const repeat = await sender.send(text('Hello', { idempotencyKey: 'k-2' }));
    expect(inner.calls).toHaveLength(1);
    expect(repeat).toMatchObject({
      kind: 'sent',
      message: { id: first.message.id, status: MessageStatus.DELIVERED },
    });
  });

  it('treats the normalised input as the input: formatting of the number and field order do not matter', async () => {
    await sender.send({
      to: '+1 (202) 555-0100',
      idempotencyKey: 'k-3',
      text: { body: 'Hi' },
    });
    await sender.send({
      text: { body: 'Hi', previewUrl: false },
      to: '12025550100',
      idempotencyKey: 'k-3',
    });
    expect(inner.calls).toHaveLength(1);
  });

  it('refuses the same key with a different input as BAD_USER_INPUT, while pending and once completed', async () => {
    let open!: () => void;
    inner.gate = new Promise((resolve) => (open = resolve));
    const first = sender.send(text('Hello', { idempotencyKey: 'k-4' }));
    await new Promise((resolve) => setImmediate(resolve));
    const whilePending = sender.send(text('Goodbye', { idempotencyKey: 'k-4' }));
    await expect(whilePending).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.BAD_USER_INPUT, field: 'input.idempotencyKey' },
    });
    open();
    await first;
    await expect(sender.send(text('Goodbye', { idempotencyKey: 'k-4' }))).rejects.toThrow(
      'This idempotencyKey was already used for a different message',
    );
    expect(inner.calls).toHaveLength(1);
  });

  it('scopes keys per sender phone number id', async () => {
    await sender.send(text('Hello', { idempotencyKey: 'k-5' }));
    await sender.send(text('Hello', { idempotencyKey: 'k-5', phoneNumberId: '222' }));
    expect(inner.calls).toHaveLength(2);
  });

  it('releases the key after a transport error, so that the retry sends', async () => {
    const timeout = new GatewayError(
      GatewayErrorCode.UPSTREAM_TIMEOUT,
      'The Cloud API did not answer in time.',
    );
    inner.answers.push(() => Promise.reject(timeout));
    await expect(sender.send(text('Hello', { idempotencyKey: 'k-6' }))).rejects.toBe(timeout);
    expect(await keys.get(SCOPE, 'k-6')).toBeNull();
    const retry = await sender.send(text('Hello', { idempotencyKey: 'k-6' }));
    expect(retry.kind).toBe('sent');
    expect(inner.calls).toHaveLength(2);
  });

  it('hands a concurrent repeat over to send itself when the first call fails', async () => {
    let open!: () => void;
    inner.gate = new Promise((resolve) => (open = resolve));
    inner.answers.push(() =>
      Promise.reject(new GatewayError(GatewayErrorCode.UPSTREAM_UNAVAILABLE, 'The Cloud API is failing.')),
    );
    const first = sender.send(text('Hello', { idempotencyKey: 'k-7' }));
    await new Promise((resolve) => setImmediate(resolve));
    const repeat = sender.send(text('Hello', { idempotencyKey: 'k-7' }));
    open();
    await expect(first).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect((await repeat).kind).toBe('sent');
    expect(inner.calls).toHaveLength(2);
  });

  it('stores a permanent refusal and answers the repeat with it, without a second call', async () => {
    inner.answers.push(() => Promise.resolve({ kind: 'rejected', rejection: rejection(131026, 400) }));
    const first = await sender.send(text('Hello', { idempotencyKey: 'k-8' }));
    const repeat = await sender.send(text('Hello', { idempotencyKey: 'k-8' }));
    expect(repeat).toEqual(first);
    expect(repeat).toEqual({ kind: 'rejected', rejection: rejection(131026, 400) });
    expect(inner.calls).toHaveLength(1);
  });

  it.each([
    ['service downtime (code 2, HTTP 503)', rejection(2, 503)],
    ['throughput (code 130429)', rejection(130429, 400)],
  ])('releases the key after a transient refusal: %s', async (_name, refusal) => {
    inner.answers.push(() => Promise.resolve({ kind: 'rejected', rejection: refusal }));
    expect(await sender.send(text('Hello', { idempotencyKey: 'k-9' }))).toEqual({
      kind: 'rejected',
      rejection: refusal,
    });
    expect((await sender.send(text('Hello', { idempotencyKey: 'k-9' }))).kind).toBe('sent');
    expect(inner.calls).toHaveLength(2);
  });

  it('gives up waiting on a key still in progress with UPSTREAM_TIMEOUT', async () => {
    const waiting = throughResolver(
      new IdempotentSender({ inner, keys, messages: store, waitTimeoutMs: 30, pollIntervalMs: 5 }),
      SENDER,
    );
    inner.gate = new Promise(() => undefined);
    void waiting.send(text('Hello', { idempotencyKey: 'k-10' }));
    await expect(waiting.send(text('Hello', { idempotencyKey: 'k-10' }))).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.UPSTREAM_TIMEOUT, retryAfterSeconds: 1 },
    });
  });

  it('passes calls without a key straight through, every time', async () => {
    await sender.send(text('Hello'));
    await sender.send(text('Hello'));
    expect(inner.calls).toHaveLength(2);
  });

  it.each([
    ['an empty key', text('Hello', { idempotencyKey: '' }), 'input.idempotencyKey'],
    ['a key over 255 characters', text('Hello', { idempotencyKey: 'x'.repeat(256) }), 'input.idempotencyKey'],
    ['bad input with a key', text('', { idempotencyKey: 'k-11' }), 'input.text.body'],
  ])('refuses %s before taking a key or sending', async (_name, input, field) => {
    await expect(sender.send(input)).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.BAD_USER_INPUT, field },
    });
    expect(inner.calls).toHaveLength(0);
    expect(await keys.get(SCOPE, 'k-11')).toBeNull();
  });

  it('keeps a timed-out send as "outcome unknown": the repeat gets UPSTREAM_TIMEOUT with outcomeUnknown, no second send', async () => {
    inner.answers.push(() => Promise.reject(new UpstreamTimeoutError('messages', 500)));
    await expect(sender.send(text('Hello', { idempotencyKey: 'k-12' }))).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.UPSTREAM_TIMEOUT, outcomeUnknown: true },
    });
    expect(await keys.get(SCOPE, 'k-12')).toEqual({
      state: 'completed',
      inputHash: expect.any(String),
      outcome: JSON.stringify({ kind: 'unknown' }),
    });
    const repeat = sender.send(text('Hello', { idempotencyKey: 'k-12' }));
    await expect(repeat).rejects.toMatchObject({
      message: expect.stringContaining('call with a new idempotencyKey'),
      extensions: { code: GatewayErrorCode.UPSTREAM_TIMEOUT, outcomeUnknown: true },
    });
    expect(inner.calls).toHaveLength(1);
    // Asking explicitly, with a new key, sends.
    expect((await sender.send(text('Hello', { idempotencyKey: 'k-12-again' }))).kind).toBe('sent');
    expect(inner.calls).toHaveLength(2);
  });

  it('treats an answer cut off after its status line as "outcome unknown" too, but not a failed connection', async () => {
    inner.answers.push(() => Promise.reject(new UpstreamNetworkError('messages', 'ECONNRESET', true)));
    await expect(sender.send(text('Hello', { idempotencyKey: 'k-13' }))).rejects.toMatchObject({
      extensions: { outcomeUnknown: true },
    });
    inner.answers.push(() => Promise.reject(new UpstreamNetworkError('messages', 'ECONNREFUSED', false)));
    await expect(sender.send(text('Hello', { idempotencyKey: 'k-14' }))).rejects.toMatchObject({
      extensions: { code: GatewayErrorCode.UPSTREAM_UNAVAILABLE },
    });
    expect(await keys.get(SCOPE, 'k-14')).toBeNull();
  });

  it('tells concurrent repeats of a send that then times out the same: one upstream call in all', async () => {
    let open!: () => void;
    inner.gate = new Promise((resolve) => (open = resolve));
    inner.answers.push(() => Promise.reject(new UpstreamTimeoutError('messages', 500)));
    const calls = Array.from({ length: 20 }, () => sender.send(text('Hello', { idempotencyKey: 'k-15' })));
    await new Promise((resolve) => setImmediate(resolve));
    open();
    const outcomes = await Promise.allSettled(calls);
    expect(inner.calls).toHaveLength(1);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: { extensions: { code: GatewayErrorCode.UPSTREAM_TIMEOUT, outcomeUnknown: true } },
      });
    }
  });

  it("keeps two callers' keys apart: the same key and input from another API key sends anew", async () => {
    const sendAs = (callerId: string) =>
      throughResolver(new IdempotentSender({ inner, keys, messages: store }), SENDER, callerId);
    const first = await sendAs('k-caller-a').send(text('Hello', { idempotencyKey: 'k-16' }));
    const second = await sendAs('k-caller-b').send(text('Hello', { idempotencyKey: 'k-16' }));
    const again = await sendAs('k-caller-a').send(text('Hello', { idempotencyKey: 'k-16' }));
    expect(inner.calls).toHaveLength(2);
    if (first.kind !== 'sent' || second.kind !== 'sent' || again.kind !== 'sent') throw new Error('not sent');
    expect(second.message.id).not.toBe(first.message.id);
    expect(again.message.id).toBe(first.message.id);
  });

  it('waits on its own clock: past the deadline it gives up without sleeping through the wait', async () => {
    let now = 0;
    const waiting = new IdempotentSender({
      inner,
      keys,
      messages: store,
      waitTimeoutMs: 60_000,
      // Each reading is a minute later than the one before.
      now: () => (now += 60_000),
    });
    const command = parseSendCommand(text('Hello', { idempotencyKey: 'k-clock' }), SENDER, THE_CALLER);
    await keys.claim(SCOPE, 'k-clock', hashSendCommand(command));
    await expect(waiting.send(command)).rejects.toThrow(IdempotencyKeyBusyError);
    expect(inner.calls).toHaveLength(0);
  });

  it('refuses to replay a stored outcome it cannot read, without sending', async () => {
    const command = parseSendCommand(text('Hello', { idempotencyKey: 'k-bad' }), SENDER, THE_CALLER);
    const claim = await keys.claim(SCOPE, 'k-bad', hashSendCommand(command));
    if (!claim.claimed) throw new Error('not claimed');
    await keys.complete(SCOPE, 'k-bad', claim.owner, JSON.stringify({ kind: 'sent' }));
    const direct = new IdempotentSender({ inner, keys, messages: store });
    await expect(direct.send(command)).rejects.toThrow(MalformedStoredOutcomeError);
    expect(inner.calls).toHaveLength(0);
  });
});

describe('stored outcomes of idempotency keys', () => {
  it.each([
    ['sent', { kind: 'sent', messageId: 'wamid.X' }],
    ['rejected', { kind: 'rejected', rejection: rejection(131026, 400) }],
    ['rejected by the gateway', { kind: 'rejected', rejection: { ...rejection(0, 400), httpStatus: null } }],
    ['unknown', { kind: 'unknown' }],
  ])('reads back what the sender stores: %s', (_name, stored) => {
    expect(decodeStoredOutcome(JSON.stringify(stored))).toEqual(stored);
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['not an object', '[]', 'not a JSON object'],
    ['no kind', '{}', 'an unknown kind (none)'],
    ['an unknown kind', '{"kind":"lost"}', 'an unknown kind ("lost")'],
    ['a sent outcome without its id', '{"kind":"sent","messageId":""}', 'without its message id'],
    ['a rejection missing', '{"kind":"rejected"}', 'without its rejection'],
    [
      'a rejection with a field of the wrong type',
      JSON.stringify({ kind: 'rejected', rejection: { ...rejection(131026, 400), code: '131026' } }),
      'a rejection whose code is not a number',
    ],
    [
      'a rejection missing a field',
      JSON.stringify({ kind: 'rejected', rejection: { ...rejection(131026, 400), fbtraceId: undefined } }),
      'a rejection whose fbtraceId is not a string or null',
    ],
  ])('refuses a malformed one: %s', (_name, raw, message) => {
    expect(() => decodeStoredOutcome(raw)).toThrow(MalformedStoredOutcomeError);
    expect(() => decodeStoredOutcome(raw)).toThrow(message);
  });
});
