import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server } from 'node:http';
import { getOperationAST, GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { Scope } from '../../config';
import {
  type Caller,
  type GatewayContext,
  GatewayError,
  GatewayErrorCode,
  withGatewayCause,
  type CompiledExecution,
} from '../../graphql';
import { type Logger } from '../../observability';
import { type LiveTransport } from '../../live';
import { type ApiKeyAuthenticator } from '../api-key-authenticator';
import { formatOperationError } from '../format-error';
import { type QueryLimitSetup } from '../query-limits';
import { WebSocketDocuments } from './websocket-documents';
import { WebSocketKeepAlive } from './websocket-keepalive';
import { WebSocketWriter } from './websocket-writer';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  authenticator: ApiKeyAuthenticator;
  buildContext: (caller: Caller | null, requestId: string) => GatewayContext;
  /** Runs the fan-out's shared renders (compiled once they repeat, like HTTP operations). */
  execution: Pick<CompiledExecution, 'run'>;
  /** The query limits and suggestion hiding HTTP applies, applied to every document sent over a socket. */
  limits: Pick<QueryLimitSetup, 'validationRules' | 'parseOptions' | 'hideSuggestions'>;
  maxSubscriptionsPerConnection: number;
  /** How long a socket may stay open without `connection_init` (closed with 4408). */
  connectionInitTimeoutMs?: number;
  /** Bytes waiting to be written past which a socket is a slow consumer and is closed (1013). Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Between keep-alive pings; a socket silent (and not draining) for two of them is terminated. Default 12 s. */
  keepAliveMs?: number;
  /** Told when a subscription starts and ends, however it ends (the live-subscribers gauge). */
  subscriptionGauge?: { subscriptionStarted(): void; subscriptionEnded(): void };
  logger: Logger;
}

/** Counters for operators and benchmarks. */
export interface WebSocketStats {
  connections: number;
  slowConsumersClosed: number;
}

interface ConnectionState {
  caller?: Caller;
  /** The request id of each running operation, for its errors. */
  operations: Map<string, string>;
}

type Extra = { socket: WebSocket; request: IncomingMessage; state?: ConnectionState };

/** The key a client sends in `connection_init`: `{ authorization: 'Bearer <key>' }` or `{ apiKey: '<key>' }`. */
function presentedKey(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params.apiKey === 'string') return params.apiKey;
  if (typeof params.authorization === 'string')
    return /^Bearer\s+(\S+)$/i.exec(params.authorization)?.[1] ?? null;
  return null;
}

/**
 * How long a shutdown waits for clients to answer its 1001 close before cutting them. `ws` waits 30 s for
 * a closing handshake, longer than the whole shutdown may take (`SHUTDOWN_TIMEOUT_MS`, 10 s by default):
 * one client that stopped reading would otherwise make the process exit with 1. Only the shutdown is bounded
 * so: `ws`'s own `closeTimeout` would shorten every close, and a slow consumer's 1013 waits behind up to 1 MiB
 * that its client may still read.
 */
const SHUTDOWN_CLOSE_GRACE_MS = 2_000;

/**
 * `graphql-transport-ws` on the HTTP server's `/graphql` path: graphql-ws speaks the protocol, and each
 * operation's context carries its transport, through which live subscriptions have their shared renders
 * written straight to the socket. Every message leaves through one writer (slow consumers closed with
 * 1013) and every error through one formatting step (masked, with a request id).
 */
export function startWebSocketServer(options: WebSocketOptions): {
  wss: WebSocketServer;
  stats: () => WebSocketStats;
  dispose: () => Promise<void>;
} {
  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: 64 * 1024,
    // Off (also ws's default): compressing costs CPU per subscriber and frame, and the fan-out sends one
    // encoded message to many sockets.
    perMessageDeflate: false,
    handleProtocols,
  });
  const keepAlive = new WebSocketKeepAlive({ intervalMs: options.keepAliveMs ?? 12_000 });
  const documents = new WebSocketDocuments(options.schema, options.limits);
  const writer = new WebSocketWriter({
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    onSlowConsumer: () =>
      options.logger.warn('Closed a WebSocket whose client stopped reading its subscriptions.'),
  });
  const formatErrors = (errors: readonly GraphQLError[], requestId: string) =>
    errors.map((error) => formatOperationError(withGatewayCause(error), requestId, options.logger));

  const server = makeServer<Record<string, unknown>, Extra>({
    schema: options.schema,
    connectionInitWaitTimeout: options.connectionInitTimeoutMs ?? 10_000,
    onConnect: (ctx) => {
      const result = options.authenticator.authenticate(presentedKey(ctx.connectionParams));
      if (result.kind !== 'caller') {
        ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
        return false;
      }
      if (!result.caller.scopes.has(Scope.SUBSCRIBE) && !result.caller.scopes.has(Scope.READ)) {
        ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden');
        return false;
      }
      ctx.extra.state = { caller: result.caller, operations: new Map() };
      return true;
    },
    // Parsed and validated here, so that a bad document is answered on its own operation (graphql-ws
    // would let a syntax error close the socket).
    onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
      const state = ctx.extra.state!;
      if (state.operations.size >= options.maxSubscriptionsPerConnection) {
        return [
          new GatewayError(
            GatewayErrorCode.RATE_LIMITED,
            `At most ${options.maxSubscriptionsPerConnection} subscriptions per connection.`,
          ),
        ];
      }
      const document = documents.load(payload.query);
      if (Array.isArray(document)) return document;
      if (!getOperationAST(document, payload.operationName)) {
        return [
          new GraphQLError('Unable to identify operation', {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
          }),
        ];
      }
      state.operations.set(id, randomUUID());
      options.subscriptionGauge?.subscriptionStarted();
      return {
        schema: options.schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
      };
    },
    onComplete: (ctx, id) => {
      if (ctx.extra.state?.operations.delete(id)) options.subscriptionGauge?.subscriptionEnded();
    },
    onNext: (_ctx, _id, _payload, args, result) => {
      if (!result.errors) return undefined;
      const requestId = (args.contextValue as GatewayContext).requestId;
      return { ...result, errors: formatErrors(result.errors, requestId) };
    },
    onError: (ctx, id, _payload, errors) =>
      formatErrors(errors, ctx.extra.state?.operations.get(id) ?? randomUUID()),
    context: (ctx, id, payload, args) => {
      const caller = ctx.extra.state?.caller ?? null;
      const requestId = ctx.extra.state?.operations.get(id) ?? randomUUID();
      const { socket } = ctx.extra;
      const stream = ctx.extra.request.socket;
      const transport: LiveTransport = {
        request: {
          document: args.document,
          operationName: args.operationName,
          variableValues: payload.variables,
        },
        ...renderTools(caller, options),
        // Called once per subscriber per event: it holds what the write needs and nothing to look up.
        write: (payloads) => writer.sendNext(socket, stream, id, payloads),
      };
      // The context makes its loaders and logger on first use: a fan-out subscription never reads them.
      const context = options.buildContext(caller, requestId);
      context.transport = transport;
      return context;
    },
  });

  wss.on('error', (err) => options.logger.error({ err }, 'WebSocket server error'));
  wss.on('connection', (socket, request) => {
    keepAlive.watch(socket);
    socket.once('error', (err) => {
      options.logger.warn({ err: { message: err.message } }, 'WebSocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => writer.send(socket, request.socket, data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            keepAlive.heard(socket);
            handle(data.toString()).catch((err: unknown) => {
              options.logger.error({ err }, 'WebSocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      closed(code, reason.toString()).catch((err: unknown) =>
        options.logger.warn({ err }, 'WebSocket close handling failed'),
      );
    });
  });

  return {
    wss,
    stats: () => ({ connections: wss.clients.size, slowConsumersClosed: writer.slowConsumersClosed }),
    dispose: async () => {
      keepAlive.stop();
      for (const client of wss.clients) client.close(1001, 'Going away');
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, SHUTDOWN_CLOSE_GRACE_MS);
      try {
        await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

/**
 * How a shared render runs, gets its context and formats its errors. Made apart from the transport's
 * `write` so that a shape, which outlives the subscriber that first rendered it, holds no socket.
 */
function renderTools(
  caller: Caller | null,
  options: Pick<WebSocketOptions, 'buildContext' | 'execution' | 'logger'>,
): Pick<LiveTransport, 'execute' | 'renderContext' | 'formatError'> {
  return {
    execute: (operation) => options.execution.run(operation),
    renderContext: () => options.buildContext(caller, randomUUID()),
    formatError: (error, renderContext) =>
      formatOperationError(error, (renderContext as GatewayContext).requestId, options.logger),
  };
}
