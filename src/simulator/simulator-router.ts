import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { checkAccessToken, readAccessToken } from './access-token';
import { handleDebugToken } from './debug-token-handler';
import { buildGraphError, type GraphErrorSpec } from './graph-error';
import { readBody, writeJson, type HandlerResult } from './http-io';
import { INBOUND_INJECTION_PATH, readJsonBody } from './inbound-injection';
import { findMedium, handleMediaInfo, MEDIA_DOWNLOAD_PATH, writeMediaDownload } from './media-handler';
import { handleMessages, type MessagesContext, type SendOutcome } from './messages-handler';
import { handlePhoneNumber, unsupportedRequest } from './phone-number-handler';
import { SimulatorEndpoint } from './simulator-stats';
import { TEMPLATE_EVENT_PATH } from './template-account';
import { getTemplate, listTemplates } from './template-reads';

const VERSION_PATTERN = /^v\d+\.\d+$/;

/** Answers held back by the hang scenario; cleared on close so no timer outlives the server. */
export type HeldAnswers = Set<NodeJS.Timeout>;

type Route =
  | { endpoint: SimulatorEndpoint.MESSAGES; phoneNumberId: string }
  | { endpoint: SimulatorEndpoint.MEDIA; mediaId: string }
  | { endpoint: SimulatorEndpoint.MEDIA_DOWNLOAD }
  | { endpoint: SimulatorEndpoint.INBOUND_INJECTION }
  | { endpoint: SimulatorEndpoint.PHONE_NUMBER; phoneNumberId: string }
  | { endpoint: SimulatorEndpoint.DEBUG_TOKEN }
  | { endpoint: SimulatorEndpoint.TEMPLATES; wabaId: string }
  | { endpoint: SimulatorEndpoint.TEMPLATE; templateId: string }
  | { endpoint: SimulatorEndpoint.TEMPLATE_EVENT }
  | { endpoint: SimulatorEndpoint.UNKNOWN };

function route(path: string, context: MessagesContext): Route {
  const apiVersion = context.options.apiVersion;
  if (path === MEDIA_DOWNLOAD_PATH) return { endpoint: SimulatorEndpoint.MEDIA_DOWNLOAD };
  if (path === INBOUND_INJECTION_PATH) return { endpoint: SimulatorEndpoint.INBOUND_INJECTION };
  if (path === TEMPLATE_EVENT_PATH) return { endpoint: SimulatorEndpoint.TEMPLATE_EVENT };
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const [version, node, edge, ...rest] = segments;
  const versionOk =
    version !== undefined && VERSION_PATTERN.test(version) && (apiVersion ?? version) === version;
  if (!versionOk || node === undefined || rest.length > 0) return { endpoint: SimulatorEndpoint.UNKNOWN };
  if (node === 'debug_token' && edge === undefined) return { endpoint: SimulatorEndpoint.DEBUG_TOKEN };
  if (!/^\d+$/.test(node)) return { endpoint: SimulatorEndpoint.UNKNOWN };
  // A node is a phone number, a medium or a template, as at Meta; the simulator knows its ids.
  if (edge === undefined && findMedium(node) !== undefined)
    return { endpoint: SimulatorEndpoint.MEDIA, mediaId: node };
  if (edge === undefined && context.templates.catalogue.get(node) !== undefined)
    return { endpoint: SimulatorEndpoint.TEMPLATE, templateId: node };
  if (edge === 'message_templates') return { endpoint: SimulatorEndpoint.TEMPLATES, wabaId: node };
  if (edge === undefined) return { endpoint: SimulatorEndpoint.PHONE_NUMBER, phoneNumberId: node };
  if (edge === 'messages') return { endpoint: SimulatorEndpoint.MESSAGES, phoneNumberId: node };
  return { endpoint: SimulatorEndpoint.UNKNOWN };
}

const errorResult = (spec: GraphErrorSpec): HandlerResult => {
  const error = buildGraphError(spec);
  return { status: error.httpStatus, body: error.body };
};

/** The request listener: routing, token checks, and the handlers' answers written as JSON. */
export function createRequestListener(context: MessagesContext, held: HeldAnswers): RequestListener {
  return (req, res) => {
    answer(req, res, context, held).catch((error: unknown) => {
      context.options.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'simulator request failed',
      );
      if (!res.headersSent) writeJson(res, errorResult({ code: 1, httpStatus: 500 }));
    });
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  context: MessagesContext,
  held: HeldAnswers,
): Promise<void> {
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart < 0 ? undefined : new URLSearchParams(rawUrl.slice(queryStart + 1));
  const target = route(path, context);
  context.stats.countRequest(target.endpoint);
  if (target.endpoint === SimulatorEndpoint.UNKNOWN) {
    req.resume();
    return writeJson(res, errorResult({ code: 100, message: `Unknown path components: ${path}` }));
  }
  const method = req.method ?? 'GET';
  // DELETE exists on one edge only, as at Meta.
  const deletable = target.endpoint === SimulatorEndpoint.TEMPLATES && method === 'DELETE';
  if (method !== 'GET' && method !== 'POST' && !deletable) {
    req.resume();
    return writeJson(
      res,
      errorResult({ code: 131055, details: `Method ${method} is not allowed on ${path}.` }),
    );
  }
  if (target.endpoint === SimulatorEndpoint.INBOUND_INJECTION) {
    // The simulator's own control endpoint: what a customer would write, posted as Meta's webhook.
    const body = await readBody(req, context.options.maxBodyBytes);
    if (body === undefined) return writeJson(res, { status: 413, body: { error: 'the body is too large' } });
    const json = readJsonBody(body);
    return writeJson(res, json.ok ? context.injectInbound(json.json) : json.result);
  }
  if (target.endpoint === SimulatorEndpoint.TEMPLATE_EVENT) {
    const body = await readBody(req, context.options.maxBodyBytes);
    if (body === undefined) return writeJson(res, { status: 413, body: { error: 'the body is too large' } });
    const json = readJsonBody(body);
    return writeJson(res, json.ok ? context.templates.applyEvent(json.json) : json.result);
  }
  const tokenCheck = checkAccessToken(readAccessToken(req, query));
  if (!tokenCheck.ok) {
    req.resume();
    return writeJson(res, { status: tokenCheck.error.httpStatus, body: tokenCheck.error.body });
  }
  switch (target.endpoint) {
    case SimulatorEndpoint.MEDIA_DOWNLOAD:
      req.resume();
      return writeMediaDownload(res, query);
    case SimulatorEndpoint.MEDIA: {
      req.resume();
      if (method !== 'GET') return writeJson(res, unsupportedRequest('post', target.mediaId));
      return writeJson(res, handleMediaInfo(findMedium(target.mediaId)!, req));
    }
    case SimulatorEndpoint.DEBUG_TOKEN:
      req.resume();
      if (method !== 'GET') return writeJson(res, unsupportedRequest('post', 'debug_token'));
      return writeJson(res, handleDebugToken(query?.get('input_token') ?? null, context.options));
    case SimulatorEndpoint.PHONE_NUMBER:
      req.resume();
      if (method !== 'GET') return writeJson(res, unsupportedRequest('post', target.phoneNumberId));
      return writeJson(
        res,
        handlePhoneNumber(target.phoneNumberId, query?.get('fields') ?? null, context.options),
      );
    case SimulatorEndpoint.TEMPLATE:
      req.resume();
      if (method !== 'GET') return writeJson(res, unsupportedRequest('post', target.templateId));
      return writeJson(res, getTemplate(context.templates.catalogue.get(target.templateId)!, query));
    case SimulatorEndpoint.TEMPLATES: {
      if (target.wabaId !== context.options.wabaId) {
        req.resume();
        return writeJson(res, unsupportedRequest(method === 'GET' ? 'get' : 'post', target.wabaId));
      }
      if (method === 'GET') {
        req.resume();
        const pageUrl = `http://${req.headers.host ?? '127.0.0.1'}${rawUrl}`;
        return writeJson(res, listTemplates(context.templates.catalogue, query, pageUrl));
      }
      if (method === 'DELETE') {
        req.resume();
        return writeJson(res, context.templates.delete(query));
      }
      const body = await readBody(req, context.options.maxBodyBytes);
      if (body === undefined) {
        return writeJson(
          res,
          errorResult({ code: 100, details: 'The request body is too large.', httpStatus: 413 }),
        );
      }
      const json = readJsonBody(body);
      return writeJson(
        res,
        json.ok
          ? context.templates.create(json.json)
          : errorResult({ code: 100, details: 'The request body is not valid JSON.' }),
      );
    }
    case SimulatorEndpoint.MESSAGES: {
      if (method !== 'POST') {
        req.resume();
        return writeJson(res, unsupportedRequest('get', `${target.phoneNumberId}/messages`));
      }
      const body = await readBody(req, context.options.maxBodyBytes);
      if (body === undefined) {
        return writeJson(
          res,
          errorResult({ code: 100, details: 'The request body is too large.', httpStatus: 413 }),
        );
      }
      return writeOutcome(res, handleMessages(target.phoneNumberId, tokenCheck.token, body, context), held);
    }
    default:
      return assertNever(target);
  }
}

/** Writes a send outcome now, or after its delay unless the caller has gone away meanwhile. */
function writeOutcome(res: ServerResponse, outcome: SendOutcome, held: HeldAnswers): void {
  const finish = (): void => {
    writeJson(res, outcome);
    outcome.onAnswered?.();
  };
  if (outcome.delayMs === undefined || outcome.delayMs === 0) return finish();
  const timer = setTimeout(() => {
    held.delete(timer);
    finish();
  }, outcome.delayMs);
  held.add(timer);
  res.on('close', () => {
    if (!held.delete(timer)) return;
    clearTimeout(timer);
  });
}

function assertNever(value: never): never {
  throw new Error(`Unhandled route: ${JSON.stringify(value)}`);
}
