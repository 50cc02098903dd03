import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serializeMetaJson } from './meta-json';
import { newMessageId } from './message-id';
import { checkWebhookUrl, resolveSimulatorOptions, type SimulatorOptions } from './simulator-options';
import { createRequestListener, type HeldAnswers } from './simulator-router';
import { SimulatorStatsRecorder, type SimulatorStats } from './simulator-stats';
import { WebhookDispatcher } from './webhook-dispatcher';
import { buildInboundMessageWebhook } from './webhook-payload';
import type { HandlerResult } from './http-io';
import { type InboundInjection, parseInboundInjection, wireContentOf } from './inbound-injection';
import { TemplateAccount, type TemplateEvent } from './template-account';
import { TemplateCatalogue } from './template-catalogue';

/** What a customer writes, to post through the simulator's webhook queue (see `InboundInjection`). */
export type InboundMessageRequest = InboundInjection;

export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:41234` (paths start with the version: `/v23.0/…`). */
  readonly url: string;
  readonly port: number;
  readonly phoneNumberId: string;
  readonly wabaId: string;
  /** Live counters. */
  readonly stats: SimulatorStats;
  /** Send requests received (any outcome), in all or to one recipient. */
  sendCount(to?: string): number;
  /** Where later webhooks go; `undefined` stops them (a chain in progress drops its remaining posts). */
  setWebhookUrl(url: string | undefined): void;
  /** Posts an inbound customer message webhook (retried like the others); returns its `wamid`. */
  postInboundMessage(message: InboundMessageRequest): string;
  /**
   * The control endpoint's work: checks a JSON body (`InboundInjection`) and posts it, answering the wamid
   * (200), why the body is wrong (400), or that no webhook URL is set (409).
   */
  injectInbound(json: unknown): HandlerResult;
  /** The business account's templates, as the Graph API serves them (live: changes show at once). */
  readonly templates: TemplateCatalogue;
  /**
   * The template control endpoint's work (`POST /simulator/template-events`): changes a template's
   * status, category, quality or body and posts Meta's webhook for it; 400 for a bad body, 404 for a
   * template the account does not have.
   */
  injectTemplateEvent(json: unknown): HandlerResult;
  /** The same, typed, for tests. */
  postTemplateEvent(event: TemplateEvent): HandlerResult;
  /** Resolves when every webhook scheduled so far has been delivered or given up. */
  flushWebhooks(): Promise<void>;
  /** Stops listening, drops pending webhooks and held answers, and closes every socket. */
  close(): Promise<void>;
}

/**
 * Starts the Cloud API simulator: an HTTP server speaking Meta's Graph API wire format, with scenario
 * numbers, phone-number ids and tokens that trigger each failure (see `SCENARIOS`). Rejects when the
 * options are invalid or the port cannot be bound.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = resolveSimulatorOptions(options);
  const dispatcher = new WebhookDispatcher({
    appSecret: resolved.appSecret,
    webhookUrl: resolved.webhookUrl,
    delayMs: resolved.webhookDelayMs,
    retry: resolved.webhookRetry,
    logger: resolved.logger,
  });
  const stats = new SimulatorStatsRecorder(dispatcher.stats);
  const held: HeldAnswers = new Set();
  const postInbound = (message: InboundInjection): string => {
    const from = message.from?.replace(/\D/g, '');
    const messageId = newMessageId(from ?? message.fromUserId ?? '');
    const body = buildInboundMessageWebhook({
      wabaId: resolved.wabaId,
      phoneNumberId: resolved.phoneNumberId,
      displayPhoneNumber: resolved.displayPhoneNumber,
      ...(from !== undefined && { from }),
      ...(message.fromUserId !== undefined && { fromUserId: message.fromUserId }),
      ...(message.profileName !== undefined && { profileName: message.profileName }),
      ...(message.username !== undefined && { username: message.username }),
      ...(message.replyTo !== undefined && { replyTo: message.replyTo }),
      content: wireContentOf(message),
      messageId,
    });
    dispatcher.enqueue([serializeMetaJson(body)]);
    return messageId;
  };
  const injectInbound = (json: unknown): HandlerResult => {
    const parsed = parseInboundInjection(json);
    if (!parsed.ok) return parsed.result;
    if (dispatcher.url === undefined) return { status: 409, body: { error: 'no webhook URL is set' } };
    return { status: 200, body: { messages: [{ id: postInbound(parsed.injection) }] } };
  };
  const templates = new TemplateAccount({
    wabaId: resolved.wabaId,
    catalogue: new TemplateCatalogue(resolved.templateCount),
    dispatcher,
    reviewDelayMs: resolved.templateReviewDelayMs,
  });
  const server = createServer(
    createRequestListener({ options: resolved, stats, dispatcher, injectInbound, templates }, held),
  );
  try {
    await listen(server, resolved.port, resolved.host);
  } catch (error) {
    await dispatcher.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const url = `http://${host}:${port}`;
  resolved.logger.info({ url, webhooks: resolved.webhookUrl !== undefined }, 'simulator listening');

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    for (const timer of held) clearTimeout(timer);
    held.clear();
    templates.close();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive and held sockets would otherwise keep close() waiting.
    server.closeAllConnections();
    await Promise.all([stopped, dispatcher.close()]);
  };

  return {
    url,
    port,
    phoneNumberId: resolved.phoneNumberId,
    wabaId: resolved.wabaId,
    stats,
    sendCount: (to) => stats.sendCount(to),
    setWebhookUrl: (webhookUrl) => {
      if (webhookUrl !== undefined) checkWebhookUrl(webhookUrl);
      dispatcher.setUrl(webhookUrl);
    },
    postInboundMessage: postInbound,
    injectInbound,
    templates: templates.catalogue,
    injectTemplateEvent: (json) => templates.applyEvent(json),
    postTemplateEvent: (event) => templates.applyEvent(event),
    flushWebhooks: () => dispatcher.flush(),
    close: () => (closing ??= close()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
