import { randomUUID } from 'node:crypto';
import { type Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { Scope } from '../config';
import { type Caller, type GatewayContext, GatewayErrorCode } from '../graphql';
import { type Logger } from '../observability';
import { type ApiKeyAuthenticator } from './api-key-authenticator';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  authenticator: ApiKeyAuthenticator;
  buildContext: (caller: Caller | null, requestId: string) => GatewayContext;
  maxSubscriptionsPerConnection: number;
  /** How long a socket may stay open without `connection_init` (closed with 4408). */
  connectionInitTimeoutMs?: number;
  logger: Logger;
}

interface ConnectionState {
  caller?: Caller;
  subscriptions: number;
}

type Extra = { socket: WebSocket; state?: ConnectionState };

/** The key a client sends in `connection_init`: `{ authorization: 'Bearer <key>' }` or `{ apiKey: '<key>' }`. */
function presentedKey(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params.apiKey === 'string') return params.apiKey;
  if (typeof params.authorization === 'string')
    return /^Bearer\s+(\S+)$/i.exec(params.authorization)?.[1] ?? null;
  return null;
}

/** graphql-ws (`graphql-transport-ws`) on the HTTP server's `/graphql` path. */
export function startWebSocketServer(options: WebSocketOptions): {
  wss: WebSocketServer;
  dispose: () => Promise<void>;
} {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: 64 * 1024 });
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
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
        ctx.extra.state = { caller: result.caller, subscriptions: 0 };
        return true;
      },
      onSubscribe: (ctx) => {
        const state = ctx.extra.state!;
        if (state.subscriptions >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `At most ${options.maxSubscriptionsPerConnection} subscriptions per connection.`,
              {
                extensions: { code: GatewayErrorCode.RATE_LIMITED },
              },
            ),
          ];
        }
        state.subscriptions += 1;
        return undefined;
      },
      onComplete: (ctx) => {
        if (ctx.extra.state) ctx.extra.state.subscriptions -= 1;
      },
      context: (ctx) => options.buildContext(ctx.extra.state?.caller ?? null, randomUUID()),
    },
    wss,
  );
  return {
    wss,
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await cleanup.dispose();
    },
  };
}
