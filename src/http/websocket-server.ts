import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server } from 'node:http';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type Source } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { Scope } from '../config';
import { type Caller, type GatewayContext, GatewayErrorCode } from '../graphql';
import { type Logger } from '../observability';
import { type ApiKeyAuthenticator } from './api-key-authenticator';
import { createFastPathSubscribe, type SubscriptionTransport } from './status-subscription-fast-path';
import { WebSocketKeepAlive } from './websocket-keepalive';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  authenticator: ApiKeyAuthenticator;
  buildContext: (caller: Caller | null, requestId: string) => GatewayContext;
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
  subscriptions: number;
}

type Extra = { socket: WebSocket; request: IncomingMessage; state?: ConnectionState };

/** Documents parsed and validated once per distinct text, shared by every subscriber that sends it. */
const DOCUMENT_CACHE_SIZE = 1_000;

/** The key a client sends in `connection_init`: `{ authorization: 'Bearer <key>' }` or `{ apiKey: '<key>' }`. */
function presentedKey(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params.apiKey === 'string') return params.apiKey;
  if (typeof params.authorization === 'string')
    return /^Bearer\s+(\S+)$/i.exec(params.authorization)?.[1] ?? null;
  return null;
}

function documentCache(): {
  parse: (source: string | Source) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
} {
  const parsed = new Map<string, DocumentNode>();
  const valid = new WeakSet<DocumentNode>();
  return {
    parse(source) {
      if (typeof source !== 'string') return parse(source);
      const query = source;
      let document = parsed.get(query);
      if (!document) {
        document = parse(query);
        if (parsed.size >= DOCUMENT_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
        parsed.set(query, document);
      }
      return document;
    },
    validate(schema, document) {
      if (valid.has(document)) return [];
      const errors = validate(schema, document);
      if (errors.length === 0) valid.add(document);
      return errors;
    },
  };
}

/**
 * `graphql-transport-ws` on the HTTP server's `/graphql` path. graphql-ws speaks the protocol;
 * `messageStatusChanged` runs on the shared fan-out, which writes its frames straight to the sockets.
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
    // Off (also ws's default): compressing costs CPU per subscriber and frame, and the fan-out writes
    // prebuilt frames only to sockets without extensions.
    perMessageDeflate: false,
    handleProtocols,
  });
  const keepAlive = new WebSocketKeepAlive(wss, { intervalMs: options.keepAliveMs ?? 12_000 });
  const transports = new WeakMap<GatewayContext, SubscriptionTransport>();
  const documents = documentCache();
  let slowConsumersClosed = 0;
  const statusEvents = options.buildContext(null, 'websocket-server').statusEvents;

  const server = makeServer<Record<string, unknown>, Extra>({
    schema: options.schema,
    connectionInitWaitTimeout: options.connectionInitTimeoutMs ?? 10_000,
    parse: documents.parse,
    validate: documents.validate,
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
      ctx.extra.state = { caller: result.caller, subscriptions: 0 };
      return true;
    },
    onSubscribe: (ctx) => {
      const state = ctx.extra.state!;
      if (state.subscriptions >= options.maxSubscriptionsPerConnection) {
        return [
          new GraphQLError(`At most ${options.maxSubscriptionsPerConnection} subscriptions per connection.`, {
            extensions: { code: GatewayErrorCode.RATE_LIMITED },
          }),
        ];
      }
      state.subscriptions += 1;
      options.subscriptionGauge?.subscriptionStarted();
      return undefined;
    },
    onComplete: (ctx) => {
      if (!ctx.extra.state) return;
      ctx.extra.state.subscriptions -= 1;
      options.subscriptionGauge?.subscriptionEnded();
    },
    context: (ctx, id) => {
      const context = lazyContext(ctx.extra.state?.caller ?? null, options.buildContext);
      transports.set(context, { socket: ctx.extra.socket, stream: ctx.extra.request.socket, id });
      return context;
    },
    subscribe: createFastPathSubscribe({
      statusEvents,
      buildContext: (caller) => options.buildContext(caller, randomUUID()),
      transportOf: (context) => transports.get(context),
      maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
      onSlowConsumer: () => {
        slowConsumersClosed += 1;
        options.logger.warn('Closed a WebSocket whose client stopped reading its subscriptions.');
      },
    }),
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
        send: (data) => {
          if (socket.readyState === socket.OPEN) socket.send(data);
        },
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
    stats: () => ({ connections: wss.clients.size, slowConsumersClosed }),
    dispose: async () => {
      keepAlive.stop();
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/**
 * A context whose loaders and logger are made on first use: a fan-out subscription keeps its context for
 * as long as it lives and never reads them, so they would only cost memory per subscriber.
 */
function lazyContext(
  caller: Caller | null,
  build: (caller: Caller | null, requestId: string) => GatewayContext,
): GatewayContext {
  const requestId = randomUUID();
  let full: GatewayContext | null = null;
  const built = (): GatewayContext => (full ??= build(caller, requestId));
  return {
    requestId,
    caller,
    get loaders() {
      return built().loaders;
    },
    get logger() {
      return built().logger;
    },
    get statusEvents() {
      return built().statusEvents;
    },
  };
}
