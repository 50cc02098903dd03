import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; the router writes it. */
export interface HandlerResult {
  status: number;
  body: unknown;
}

/** Reads the whole body, or `undefined` once it exceeds `limit` bytes (the rest is not buffered). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    req.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > limit) {
        overflow = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(overflow ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** Writes a JSON answer with Meta's content type. */
export function writeJson(res: ServerResponse, result: HandlerResult): void {
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
