import { composeSendHandler } from './sending';
import { type Config } from './config';
import { buildGatewaySchema } from './graphql';
import { MessageSender, SenderThroughput } from './sending';
import { ApiKeyAuthenticator, createGatewayServer, type ReadinessCheck } from './http';
import { type Logger, Metrics } from './observability';
import { startSimulator, type RunningSimulator } from './simulator';
import { GraphApiClient } from './upstream';
import { createWebhookHandler } from './webhooks';
import { openStore } from './open-store';
import { accountEventStream, callEventStream, inboundStream, LiveEvents, statusStream } from './live';
import { openTemplateCatalogue } from './open-templates';

/** The token the gateway presents to its embedded simulator; the simulator accepts any ordinary token. */
const SIMULATOR_ACCESS_TOKEN = 'simulated-access-token';

export interface RunningGateway {
  /** `http://host:port` */
  url: string;
  /** The embedded simulator, when no access token was configured. */
  simulator: RunningSimulator | null;
  close(): Promise<void>;
}

export interface GatewayOverrides {
  clock?: () => number;
}

/**
 * Builds every part from the configuration and starts serving: the upstream (Meta, or the embedded
 * simulator), the store and bus (Redis, or in-process), the schema, and the server.
 */
export async function startGateway(
  config: Config,
  logger: Logger,
  overrides: GatewayOverrides = {},
): Promise<RunningGateway> {
  const clock = overrides.clock ?? Date.now;
  const metrics = new Metrics();
  const closers: Array<() => Promise<unknown>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse())
      await close().catch((err: unknown) => logger.warn({ err }, 'error while closing'));
  };

  try {
    let simulator: RunningSimulator | null = null;
    let upstreamOptions: {
      baseUrl: string;
      accessToken: string;
      phoneNumberId: string;
      appId?: string | null;
      businessAccountId: string | null;
    };
    if (config.upstream.mode === 'simulated') {
      simulator = await startSimulator({
        appSecret: config.webhook.appSecret,
        apiVersion: config.upstream.apiVersion,
        webhookDelayMs: config.upstream.webhookDelayMs,
        templateCount: config.upstream.templateCount,
        templateReviewDelayMs: config.upstream.templateReviewDelayMs,
        ...(config.upstream.phoneNumberId && { phoneNumberId: config.upstream.phoneNumberId }),
        logger: logger.child({ component: 'simulator' }),
      });
      closers.push(() => simulator!.close());
      upstreamOptions = {
        baseUrl: simulator.url,
        accessToken: SIMULATOR_ACCESS_TOKEN,
        phoneNumberId: simulator.phoneNumberId,
        businessAccountId: simulator.wabaId,
      };
      logger.warn(
        { simulator: simulator.url },
        'No WHATSAPP_ACCESS_TOKEN: using the embedded Cloud API simulator',
      );
    } else {
      upstreamOptions = config.upstream;
    }

    const upstream = new GraphApiClient({
      baseUrl: upstreamOptions.baseUrl,
      apiVersion: config.upstream.apiVersion,
      accessToken: upstreamOptions.accessToken,
      // debug_token is best asked with the app's own token: it works even when the system-user token expired.
      ...(upstreamOptions.appId && {
        appAccessToken: `${upstreamOptions.appId}|${config.webhook.appSecret}`,
      }),
      requestTimeoutMs: config.upstreamTimeoutMs,
      breaker: config.upstreamBreaker,
      logger: logger.child({ component: 'upstream' }),
      onRequestComplete: (info) => metrics.upstreamRequest(info),
    });
    closers.push(() => upstream.close());
    upstream.onBreakerStateChange((state) => metrics.breakerState(state));

    const {
      store,
      bus,
      contacts,
      accountEvents,
      inbound,
      calls,
      inboundFeed,
      accountEventFeed,
      callFeed,
      checks,
      redis,
      templates: templateStore,
      onSubscriberReconnect,
    } = await openStore(config, logger, metrics, (close) => closers.push(close));
    const templates = await openTemplateCatalogue({
      store: templateStore,
      upstream,
      businessAccountId: upstreamOptions.businessAccountId,
      intervalSeconds: config.templateSyncIntervalSeconds,
      logger: logger.child({ component: 'templates' }),
      clock,
      onStoreReconnect: onSubscriberReconnect,
    });
    closers.push(async () => templates.close());
    const sender = composeSendHandler({
      config,
      sender: new MessageSender({ upstream, store, clock }),
      store,
      redis,
      keyPrefix: config.redisKeyPrefix,
      logger,
      throughput: new SenderThroughput({
        lookup: (phoneNumberId) => upstream.getPhoneNumber(phoneNumberId),
        onLookupFailed: (phoneNumberId, err) =>
          logger.debug(
            { phoneNumberId, err },
            'throughput level not known: the configured send rate applies',
          ),
      }),
    });
    const schema = await buildGatewaySchema({
      store,
      contacts,
      accountEvents,
      inbound,
      calls,
      upstream,
      sender,
      defaultPhoneNumberId: upstreamOptions.phoneNumberId,
      ownToken: upstreamOptions.accessToken,
      templates,
      clock,
    });
    const liveLogger = logger.child({ component: 'live' });
    const authenticator = new ApiKeyAuthenticator(config.apiKeys);
    if (authenticator.open) {
      logger.warn('GATEWAY_API_KEYS is not set: the gateway is OPEN to every caller (simulated mode only)');
    }
    const server = await createGatewayServer({
      config,
      schema,
      store,
      live: {
        statuses: new LiveEvents({ stream: statusStream(store, bus), logger: liveLogger }),
        messages: new LiveEvents({ stream: inboundStream(inbound, inboundFeed), logger: liveLogger }),
        accountEvents: new LiveEvents({
          stream: accountEventStream(accountEvents, accountEventFeed),
          logger: liveLogger,
        }),
        calls: new LiveEvents({ stream: callEventStream(calls, callFeed), logger: liveLogger }),
        contacts,
      },
      webhooks: createWebhookHandler({
        store,
        contacts,
        accountEvents,
        inbound,
        calls,
        templates: templates.follower,
        appSecret: config.webhook.appSecret,
        verifyToken: config.webhook.verifyToken,
        logger: logger.child({ component: 'webhooks' }),
        clock,
        onEvents: (counts) => metrics.webhookEvents(counts),
      }),
      authenticator,
      readinessChecks: [...checks, upstreamReadiness(upstream)],
      logger,
      metrics,
      media: upstream,
      simulator,
    });
    const url = await server.listen();
    closers.push(() => server.close());
    simulator?.setWebhookUrl(`${loopbackUrl(url)}/webhooks/whatsapp`);
    logger.info(
      { url, graphql: `${url}/graphql`, store: config.store.mode, upstream: config.upstream.mode },
      'gateway ready',
    );
    return { url, simulator, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Not ready while the circuit to the Graph API is open: every send would fail at once. */
function upstreamReadiness(upstream: GraphApiClient): ReadinessCheck {
  return {
    name: 'upstream',
    check: async () => {
      if (upstream.breakerState() === 'open') throw new Error('circuit open');
    },
  };
}

/** The address the simulator posts webhooks to: the loopback, even when the gateway listens on every interface. */
function loopbackUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = '127.0.0.1';
  return parsed.origin;
}
