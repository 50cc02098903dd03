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
import { WebSocket } from 'ws';
import { Scope } from '../config';
import { type Caller, type GatewayContext, type GatewayError } from '../graphql';
import { assertScope } from '../graphql/auth-checker';
import { normaliseRecipient } from '../graphql/resolvers/message.resolver';
import { parseSince, type StatusEventStream } from '../graphql/services/status-event-stream';
import { subscriptionShape } from '../graphql/services/subscription-shape';

/** The root field served by the shared fan-out instead of one graphql-js subscription per subscriber. */
export const FANOUT_FIELD = 'messageStatusChanged';

/** Where a subscription's frames go: its socket and the id the client gave it. */
export interface SubscriptionTransport {
  socket: WebSocket;
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
 * graphql-ws's `subscribe`: `messageStatusChanged` joins the shared fan-out (the same checks and errors
 * as its resolver: the `subscribe` scope, a well-formed `since`); any other subscription runs as usual.
 */
export function createFastPathSubscribe(options: FastPathOptions) {
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
    const { socket } = transport;
    const prefix = `{"id":${JSON.stringify(transport.id)},"type":"next","payload":`;
    const parked = new ParkedSubscription();
    const recipient = typeof filterArgs.recipient === 'string' ? filterArgs.recipient : null;
    parked.stop = options.statusEvents.fanout.follow(
      {
        filter: {
          messageId: typeof filterArgs.messageId === 'string' ? filterArgs.messageId : null,
          recipient: recipient ? normaliseRecipient(recipient) : null,
          phoneNumberId: typeof filterArgs.phoneNumberId === 'string' ? filterArgs.phoneNumberId : null,
        },
        send: (payload) => {
          if (socket.readyState !== WebSocket.OPEN) return;
          if (socket.bufferedAmount > options.maxBufferedBytes) {
            socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
            options.onSlowConsumer(socket);
            return;
          }
          socket.send(prefix + payload + '}');
        },
        fail: (error: GatewayError | GraphQLError) => parked.fail(error),
      },
      shape,
      since,
    );
    return Promise.resolve(parked);
  };
}
