import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type GraphQLSchema } from 'graphql';
import { type Config } from '../config';
import {
  type Caller,
  type GatewayContext,
  GatewayError,
  GatewayErrorCode,
  RequestContext,
  type CompiledExecution,
} from '../graphql';
import { type MessageStore } from '../messages';
import { type LiveStreams } from '../graphql';
import { type Logger, type Metrics } from '../observability';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { maskError } from './format-error';
import { type QueryLimitSetup } from './query-limits';
import { requestLifecyclePlugin } from './request-lifecycle-plugin';

export interface GraphqlRouteOptions {
  config: Config;
  schema: GraphQLSchema;
  store: MessageStore;
  live: LiveStreams;
  authenticator: ApiKeyAuthenticator;
  logger: Logger;
  metrics: Metrics;
}

/** Builds a request's context; shared by HTTP requests and WebSocket operations. */
export function contextFactory(options: GraphqlRouteOptions) {
  const sources = { store: options.store, logger: options.logger, live: options.live };
  return (caller: Caller | null, requestId: string): GatewayContext =>
    new RequestContext(requestId, caller, sources);
}

/** `POST /graphql` and `GET /graphql` (Apollo Server, with Sandbox as the landing page when enabled). */
export async function registerGraphqlRoutes(
  app: FastifyInstance,
  options: GraphqlRouteOptions,
  execution: CompiledExecution,
  limits: QueryLimitSetup,
): Promise<ApolloServer<GatewayContext>> {
  const { config } = options;
  const apollo = new ApolloServer<GatewayContext>({
    // Apollo's executor hook: repeated operations run compiled (see `CompiledExecution`).
    gateway: execution,
    // Introspection is refused, when off, by a rule of the query limits, on HTTP and WebSocket alike.
    introspection: true,
    csrfPrevention: true,
    // One operation per request: a batch would multiply every per-operation limit by its length.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // The process's own signal handler drains HTTP, WebSockets and Redis in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: limits.hideSuggestions,
    formatError: maskError,
    logger: options.logger,
    plugins: [
      // The schema sets no cache hints; Apollo's default cache-control plugin would still wrap every
      // field's resolver to compute a policy no response carries.
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      requestLifecyclePlugin(options.metrics, options.logger),
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      config.graphql.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const buildContext = contextFactory(options);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request: FastifyRequest) =>
      buildContext(authenticateHttp(options.authenticator, request), request.id),
  });
  return apollo;
}

/**
 * A request with a wrong key is refused outright; one without a key gets a context without a caller, so
 * that an operation needing a key fails with `UNAUTHENTICATED`, answered 401 by
 * `answer401ForMissingKey` (Apollo turns errors thrown here into HTTP 500s).
 */
function authenticateHttp(authenticator: ApiKeyAuthenticator, request: FastifyRequest): Caller | null {
  const result = authenticator.authenticate(ApiKeyAuthenticator.bearer(request.headers.authorization));
  if (result.kind === 'caller') return result.caller;
  if (result.kind === 'unknown') {
    throw new GatewayError(GatewayErrorCode.UNAUTHENTICATED, 'Unknown API key.', { http: { status: 401 } });
  }
  return null;
}

export const newRequestId = (): string => randomUUID();
