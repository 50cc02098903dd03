import { Readable } from 'node:stream';
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { Scope } from '../config';
import { type Logger } from '../observability';
import {
  isUpstreamFailure,
  type MediaDownload,
  type MediaInfo,
  UpstreamFailureKind,
  unreachableKind,
} from '../upstream';
import { ApiKeyAuthenticator } from './api-key-authenticator';

/** What the route needs of the Graph API client. */
export interface MediaSource {
  getMedia(mediaId: string): Promise<MediaInfo>;
  downloadMedia(info: MediaInfo): Promise<MediaDownload>;
}

export interface MediaRouteOptions {
  media: MediaSource;
  authenticator: ApiKeyAuthenticator;
  /** A larger medium is refused (502), never cut short. */
  maxBytes: number;
  logger: Logger;
}

/**
 * `GET /media/{mediaId}`: an inbound medium, streamed from the Graph API with the gateway's token. The
 * caller needs a key with `read` (as a bearer token). Neither the token nor Meta's short-lived URL ever
 * reaches the caller or a log line: errors carry only Meta's code and the request id.
 */
export function registerMediaRoutes(app: FastifyInstance, options: MediaRouteOptions): void {
  const { media, authenticator, maxBytes, logger } = options;
  app.get<{ Params: { mediaId: string } }>('/media/:mediaId', async (request, reply) => {
    const authentication = authenticator.authenticate(
      ApiKeyAuthenticator.bearer(request.headers.authorization),
    );
    if (authentication.kind !== 'caller') {
      return problem(
        reply.header('www-authenticate', 'Bearer'),
        401,
        'UNAUTHENTICATED',
        'A bearer API key is required.',
      );
    }
    if (!authentication.caller.scopes.has(Scope.READ)) {
      return problem(reply, 403, 'FORBIDDEN', 'The API key lacks the read scope.');
    }
    const { mediaId } = request.params;
    if (!/^\d{1,32}$/.test(mediaId)) return problem(reply, 404, 'NOT_FOUND', 'No such medium.');

    let download: MediaDownload;
    try {
      const info = await media.getMedia(mediaId);
      if (info.fileSize !== undefined && info.fileSize > maxBytes) return tooLarge(reply, maxBytes);
      download = await media.downloadMedia(info);
    } catch (error) {
      return upstreamProblem(reply, error, logger, request.id);
    }
    if (download.httpStatus === 404) {
      download.body.resume();
      return problem(reply, 404, 'NOT_FOUND', 'No such medium.');
    }
    if (download.httpStatus < 200 || download.httpStatus >= 300) {
      download.body.resume();
      logger.warn(
        { requestId: request.id, httpStatus: download.httpStatus },
        'media download refused upstream',
      );
      return problem(reply, 502, 'UPSTREAM_UNAVAILABLE', 'The Graph API refused the download.');
    }
    if (download.contentLength !== undefined && download.contentLength > maxBytes) {
      download.body.destroy();
      return tooLarge(reply, maxBytes);
    }
    reply.header('content-type', download.contentType ?? 'application/octet-stream');
    if (download.contentLength !== undefined) reply.header('content-length', download.contentLength);
    reply.header('cache-control', 'private, max-age=300');
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(Readable.from(capped(download, maxBytes)));
  });
}

/** Passes the body on, failing the stream (the connection is cut) if it grows past the cap unannounced. */
function capped(download: MediaDownload, maxBytes: number): AsyncIterable<Buffer> {
  return (async function* () {
    let total = 0;
    for await (const chunk of download.body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new Error(`medium larger than ${maxBytes} bytes`);
      yield chunk;
    }
  })();
}

function tooLarge(reply: FastifyReply, maxBytes: number): FastifyReply {
  return problem(
    reply,
    502,
    'UPSTREAM_UNAVAILABLE',
    `The medium is larger than ${maxBytes} bytes (MEDIA_MAX_BYTES).`,
  );
}

function upstreamProblem(
  reply: FastifyReply,
  error: unknown,
  logger: Logger,
  requestId: string,
): FastifyReply {
  if (!isUpstreamFailure(error)) throw error;
  switch (error.kind) {
    case UpstreamFailureKind.GRAPH_API:
      // Meta answers code 100 (subcode 33) for an object that does not exist.
      if (error.code === 100) return problem(reply, 404, 'NOT_FOUND', 'No such medium.');
      logger.warn({ requestId, code: error.code }, 'media lookup refused upstream');
      return problem(reply, 502, 'UPSTREAM_UNAVAILABLE', 'The Graph API could not give the medium.');
    case UpstreamFailureKind.TIMEOUT:
      return problem(reply, 504, 'UPSTREAM_TIMEOUT', 'The Graph API did not answer in time.');
    case UpstreamFailureKind.NETWORK:
    case UpstreamFailureKind.UNAVAILABLE:
    case UpstreamFailureKind.INVALID_ARGUMENT:
      logger.warn({ requestId, kind: error.kind }, 'media lookup failed upstream');
      return problem(reply, 502, 'UPSTREAM_UNAVAILABLE', 'The Graph API could not give the medium.');
    default:
      return unreachableKind(error);
  }
}

function problem(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, requestId: reply.request.id } });
}
