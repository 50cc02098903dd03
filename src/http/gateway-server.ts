import { type ApolloServer } from '@apollo/server';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { type GraphQLSchema } from 'graphql';
import { type Config } from '../config';
import { type GatewayContext, CompiledExecution } from '../graphql';
import { type MessageStore } from '../messages';
import { type LiveStreams } from '../graphql';
import { type Logger, type Metrics } from '../observability';
import { type RunningSimulator } from '../simulator';
import { type WebhookHandler } from '../webhooks';
import { type ApiKeyAuthenticator } from './api-key-authenticator';
import { registerGraphiqlRoutes } from './pages/graphiql-routes';
import { contextFactory, newRequestId, registerGraphqlRoutes } from './graphql-routes';
import { registerHealthRoutes, type ReadinessCheck } from './health-routes';
import { lazyRequestLogger } from './lazy-request-logger';
import { registerLivePageRoutes } from './pages/live-page-routes';
import { registerMediaRoutes, type MediaSource } from './media-routes';
import { registerMetricsRoutes } from './metrics-routes';
import { queryLimits } from './query-limits';
import { registerSimulatorRoutes } from './simulator-routes';
import { registerWebhookRoutes } from './webhook-routes';
import { startWebSocketServer } from './websocket/websocket-server';

export interface GatewayServerOptions {
  config: Config;
  schema: GraphQLSchema;
  store: MessageStore;
  live: LiveStreams;
  webhooks: WebhookHandler;
  authenticator: ApiKeyAuthenticator;
  readinessChecks: readonly ReadinessCheck[];
  logger: Logger;
  metrics: Metrics;
  /** Where `GET /media/{id}` fetches inbound media. */
  media: MediaSource;
  /** The embedded simulator, whose control endpoint is then served too; null in real mode. */
  simulator: Pick<RunningSimulator, 'injectInbound' | 'injectTemplateEvent'> | null;
}

export type LifecycleState = 'starting' | 'ready' | 'draining' | 'stopped';

export interface GatewayServer {
  readonly app: FastifyInstance;
  readonly state: LifecycleState;
  /** Starts listening; resolves with the bound address (`http://host:port`). */
  listen(): Promise<string>;
  /**
   * Drains: `/readyz` answers 503 and responses say `Connection: close` for `config.shutdown.drainDelayMs`,
   * then WebSockets are closed with 1001, the listener stops, and requests in flight finish.
   */
  close(): Promise<void>;
}

/** One port: GraphQL over HTTP and WebSocket, Meta's webhooks, health. */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  let state: LifecycleState = 'starting';
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Per-request lines cost throughput and say little; errors and metrics carry what operators need.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
    genReqId: newRequestId,
    requestIdHeader: false,
    // The `/graphql` bound; the webhook route sets its own.
    bodyLimit: options.config.graphql.maxBodyBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  registerMetricsRoutes(app, options.metrics);
  // While draining, every response closes its connection, so that no keep-alive socket is left for a
  // client to reuse at the moment the listener closes.
  app.addHook('onRequest', (_request, reply, done) => {
    if (state === 'draining') reply.header('connection', 'close');
    done();
  });

  // One executor for HTTP operations and the fan-out's renders: both run compiled once they repeat.
  const execution = new CompiledExecution(options.schema, options.logger);
  // One set of limits for both transports: an operation refused over HTTP is refused over WebSocket.
  const limits = queryLimits(options.config.graphql);
  const apollo: ApolloServer<GatewayContext> = await registerGraphqlRoutes(app, options, execution, limits);
  await registerWebhookRoutes(app, {
    handler: options.webhooks,
    bodyLimitBytes: options.config.webhook.bodyLimitBytes,
  });
  registerHealthRoutes(app, { checks: options.readinessChecks, isAcceptingWork: () => state === 'ready' });
  registerMediaRoutes(app, {
    media: options.media,
    authenticator: options.authenticator,
    maxBytes: options.config.mediaMaxBytes,
    logger: options.logger.child({ component: 'media' }),
  });
  if (options.simulator !== null) registerSimulatorRoutes(app, options.simulator);
  await registerLivePageRoutes(app);
  await registerGraphiqlRoutes(app, { enabled: options.config.graphql.landingPage });

  const websockets = startWebSocketServer({
    server: app.server,
    schema: options.schema,
    authenticator: options.authenticator,
    buildContext: contextFactory(options),
    execution,
    limits,
    maxSubscriptionsPerConnection: options.config.graphql.maxSubscriptionsPerConnection,
    connectionInitTimeoutMs: options.config.graphql.wsInitTimeoutMs,
    subscriptionGauge: options.metrics,
    logger: options.logger,
  });

  return {
    app,
    get state() {
      return state;
    },
    async listen() {
      const address = await app.listen({ port: options.config.port, host: options.config.host });
      state = 'ready';
      return address;
    },
    async close() {
      if (state === 'stopped' || state === 'draining') return;
      state = 'draining';
      const { drainDelayMs } = options.config.shutdown;
      if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
      await websockets.dispose();
      await app.close();
      await apollo.stop();
      state = 'stopped';
    },
  };
}
