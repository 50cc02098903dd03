import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type GraphQLError,
  Kind,
  locatedError,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
} from 'graphql';
import { type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { Scope } from '../config';
import { normaliseCustomerId } from '../messages';
import { type Caller, type GatewayContext, type GatewayError } from '../graphql';
import { assertScope } from '../graphql/auth-checker';
import { parseSince, type StatusEventStream } from '../graphql/services/status-event-stream';
import { subscriptionShape } from '../graphql/services/subscription-shape';

/** The root field served by the shared fan-out instead of one graphql-js subscription per subscriber. */
export const FANOUT_FIELD = 'messageStatusChanged';

/** Where a subscription's frames go: its socket and the id the client gave it. */
export interface SubscriptionTransport {
  socket: WebSocket;
  /** The TCP connection under `socket` (the upgraded request's), held back while a turn's frames are written. */
  stream: Socket;
  id: string;
}

export interface FastPathOptions {
  statusEvents: StatusEventStream;
  /** A fresh context per render. */
  buildContext: (caller: Caller | null) => GatewayContext;
  /** The transport of the operation a context was made for. */
  transportOf: (context: GatewayContext) => SubscriptionTransport | undefined;
  /**
   * Bytes a socket may have waiting to be written before it counts as a slow consumer: it is then closed
   * (1013, try again later) instead of growing the process without bound.
   */
  maxBufferedBytes: number;
  /** Called once per socket closed as a slow consumer. */
  onSlowConsumer: (socket: WebSocket) => void;
}

export const SLOW_CONSUMER_CLOSE_CODE = 1013;
const SLOW_CONSUMER_REASON = 'Subscriber too slow: reconnect and resubscribe with since';

/**
 * What graphql-ws holds for a fan-out subscription: an iterator that yields nothing (frames are written
 * straight to the socket) and ends when the client completes it, the socket closes, or the replay fails.
 */
class ParkedSubscription implements AsyncIterableIterator<ExecutionResult> {
  private waiter: {
    resolve: (result: IteratorResult<ExecutionResult>) => void;
    reject: (error: unknown) => void;
  } | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;
  stop: () => void = () => undefined;

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.ended) {
      const failure = this.failure;
      this.failure = null;
      return failure ? Promise.reject(failure.error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.end(null);
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Ends with an error: graphql-ws sends it as the operation's `error` message. */
  fail(error: unknown): void {
    this.end({ error });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  private end(failure: { error: unknown } | null): void {
    if (this.ended) return;
    this.ended = true;
    this.stop();
    const waiter = this.waiter;
    this.waiter = null;
    if (!waiter) this.failure = failure;
    else if (failure) waiter.reject(failure.error);
    else waiter.resolve({ value: undefined, done: true });
  }
}

/** The lone root field of a subscription, when it is the fan-out's and nothing else asks for the slow path. */
function fanoutField(args: ExecutionArgs): FieldNode | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'subscription') return null;
  const [field, ...rest] = operation.selectionSet.selections;
  if (rest.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== FANOUT_FIELD) return null;
  return (field.directives?.length ?? 0) === 0 ? field : null;
}

/**
 * The whole WebSocket frame (RFC 6455 §5.2) of one unfragmented text message from the server: unmasked,
 * no extension bits. Built once per cached message, it is written to the TCP stream as it is.
 */
function textFrame(text: Buffer): Buffer {
  const length = text.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81; // FIN, text
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  text.copy(frame, header);
  return frame;
}

function frameHeaderLength(frame: Buffer): number {
  const marker = frame[1]!;
  return marker < 126 ? 2 : marker === 126 ? 4 : 10;
}

/**
 * Frames kept at most (a few MiB): enough for a batch of events to the subscribers that share ids; when
 * every subscription has its own id nothing is shared anyway, and the cache starts over.
 */
const FRAME_CACHE_LIMIT = 4_096;

/**
 * The `next` frames of the payloads being fanned out, one Buffer per payload and subscription id:
 * subscribers that share an id (most clients number their first subscription alike) share the encoded
 * bytes, so sending costs no string building or UTF-8 encoding per subscriber. The fan-out hands the same
 * string to every subscriber of an event, so the lookup compares pointers, not text.
 */
class FrameCache {
  private readonly byPayload = new Map<string, Map<string, Buffer>>();
  private size = 0;

  frame(id: string, payload: string): Buffer {
    let frames = this.byPayload.get(payload);
    let frame = frames?.get(id);
    if (frame) return frame;
    frame = textFrame(Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`));
    if (this.size >= FRAME_CACHE_LIMIT) {
      this.byPayload.clear();
      this.size = 0;
      frames = undefined;
    }
    if (!frames) this.byPayload.set(payload, (frames = new Map()));
    frames.set(id, frame);
    this.size += 1;
    return frame;
  }
}

/**
 * graphql-ws's `subscribe`: `messageStatusChanged` joins the shared fan-out (the same checks and errors
 * as its resolver: the `subscribe` scope, a well-formed `since`); any other subscription runs as usual.
 */
export function createFastPathSubscribe(options: FastPathOptions) {
  const frames = new FrameCache();
  return (
    args: ExecutionArgs,
  ): ExecutionResult | Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> => {
    const field = fanoutField(args);
    const context = args.contextValue as GatewayContext;
    const transport = field ? options.transportOf(context) : undefined;
    if (!field || !transport) return subscribe(args);
    const operation = getOperationAST(args.document, args.operationName)!;
    const fieldDefinition = args.schema.getSubscriptionType()!.getFields()[FANOUT_FIELD]!;
    const responseKey = field.alias?.value ?? field.name.value;
    const variables = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      (args.variableValues ?? {}) as Record<string, unknown>,
    );
    if (variables.errors) return { errors: variables.errors };
    let filterArgs: Record<string, unknown>;
    let since: string | null;
    try {
      assertScope(context, Scope.SUBSCRIBE);
      filterArgs = getArgumentValues(fieldDefinition, field, variables.coerced);
      since = typeof filterArgs.since === 'string' ? filterArgs.since : null;
      if (since !== null) parseSince(since);
    } catch (error) {
      return { errors: [locatedError(error, [field], [responseKey])] };
    }
    const caller = context.caller;
    const shape = subscriptionShape({
      schema: args.schema,
      document: args.document,
      operation,
      field,
      variableValues: args.variableValues,
      createContext: () => options.buildContext(caller),
      scopesKey: [...(caller?.scopes ?? [])].sort().join('+'),
    });
    const { socket, stream, id } = transport;
    const parked = new ParkedSubscription();
    const writable = (): boolean => {
      if (socket.readyState !== WebSocket.OPEN) return false;
      if (socket.bufferedAmount > options.maxBufferedBytes) {
        socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
        options.onSlowConsumer(socket);
        return false;
      }
      return true;
    };
    // Without extensions (the server offers none: no permessage-deflate) ws writes every frame to the
    // stream at once, in call order, so a frame built ahead can go to the stream directly, in order with
    // the rest, at the cost of one write and no framing per subscriber.
    const write =
      socket.extensions === ''
        ? (frame: Buffer): void => void stream.write(frame)
        : (frame: Buffer): void => socket.send(frame.subarray(frameHeaderLength(frame)), { binary: false });
    const recipient = typeof filterArgs.recipient === 'string' ? filterArgs.recipient : null;
    parked.stop = options.statusEvents.fanout.follow(
      {
        filter: {
          messageId: typeof filterArgs.messageId === 'string' ? filterArgs.messageId : null,
          recipient: recipient ? normaliseCustomerId(recipient) : null,
          phoneNumberId: typeof filterArgs.phoneNumberId === 'string' ? filterArgs.phoneNumberId : null,
        },
        send: (payload) => {
          if (writable()) write(frames.frame(id, payload));
        },
        sendAll: (payloads) => {
          if (!writable()) return;
          // Held back until the last frame is in: one write for all of them.
          stream.cork();
          for (const payload of payloads) write(frames.frame(id, payload));
          stream.uncork();
        },
        fail: (error: GatewayError | GraphQLError) => parked.fail(error),
      },
      shape,
      since,
    );
    return Promise.resolve(parked);
  };
}
