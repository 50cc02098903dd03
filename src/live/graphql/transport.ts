import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';

/** The operation as the client sent it. */
export interface LiveRequest {
  document: DocumentNode;
  operationName?: string | null;
  /** The variables as sent (execution coerces them). */
  variableValues?: Readonly<Record<string, unknown>> | null;
}

/**
 * A transport that writes a subscription's rendered payloads itself (the WebSocket server), put on the
 * operation's context. A subscription whose context has one is served by the fan-out's shared renders;
 * without one, it yields its events to graphql-js like any subscription.
 */
export interface LiveTransport {
  readonly request: LiveRequest;
  /** Runs the operation once for an event (the event as its root value): the transport's executor. */
  execute(
    operation: Pick<
      ExecutionArgs,
      'document' | 'operationName' | 'rootValue' | 'contextValue' | 'variableValues'
    >,
  ): Promise<ExecutionResult>;
  /** A fresh context per render, so that loaders never serve one event's records to the next. */
  renderContext(): unknown;
  /** The transport's error formatting (masking), for the errors a render returns. */
  formatError(error: GraphQLError, renderContext: unknown): GraphQLFormattedError;
  /**
   * Writes `next` payloads (each the serialised `{"data":…}`), in order. Must not throw. A function, not a
   * method: the fan-out calls it as the subscriber's `deliver`, with no hop through the transport.
   */
  readonly write: (payloads: readonly string[]) => void;
}
