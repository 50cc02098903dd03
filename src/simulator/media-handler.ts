import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HandlerResult } from './http-io';
import { type SimulatedMedium, SIMULATED_MEDIA, sha256Of } from './media-library';

/** Where Meta serves media downloads (lookaside); the simulator serves them on its own origin. */
export const MEDIA_DOWNLOAD_PATH = '/whatsapp_business/attachments/';

/** `GET /{version}/{media-id}`: the medium's short-lived download address and facts, as Meta answers. */
export function handleMediaInfo(medium: SimulatedMedium, req: IncomingMessage): HandlerResult {
  const bytes = medium.bytes();
  const url = `http://${req.headers.host ?? '127.0.0.1'}${MEDIA_DOWNLOAD_PATH}?mid=${medium.id}&ext=${Date.now()}`;
  return {
    status: 200,
    body: {
      messaging_product: 'whatsapp',
      url,
      mime_type: medium.mimeType,
      sha256: sha256Of(bytes),
      file_size: String(bytes.length),
      id: medium.id,
    },
  };
}

export function findMedium(id: string): SimulatedMedium | undefined {
  return SIMULATED_MEDIA.get(id);
}

/**
 * The download itself: the bytes with their type and length, for a caller with a valid token. A hanging
 * medium never answers (the socket is closed with the server).
 */
export function writeMediaDownload(res: ServerResponse, query: URLSearchParams | undefined): void {
  const medium = findMedium(query?.get('mid') ?? '');
  if (medium === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return;
  }
  if (medium.behaviour === 'hang') return;
  const bytes = medium.bytes();
  res.writeHead(200, { 'content-type': medium.mimeType, 'content-length': bytes.length });
  res.end(bytes);
}
