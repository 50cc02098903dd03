import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { announceReady } from '../support/child-process';

/**
 * A Cloud API stand-in that answers every send at once with Meta's send response (a fresh wamid each
 * time) and nothing else: the upstream of the send scenario, for the gateway and its floors alike.
 */
let sequence = 0;
const prefix = `wamid.BENCH${process.pid.toString(36)}`;

function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
  if (request.method === 'POST' && request.url?.endsWith('/messages')) {
    let to = '';
    try {
      to = String((JSON.parse(body) as { to?: unknown }).to ?? '');
    } catch {
      to = '';
    }
    sequence += 1;
    const payload = JSON.stringify({
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
      messages: [{ id: `${prefix}${sequence.toString(36).padStart(8, '0')}` }],
    });
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    });
    response.end(payload);
    return;
  }
  const error = JSON.stringify({ error: { message: 'Unknown path', type: 'OAuthException', code: 100 } });
  response.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(error) });
  response.end(error);
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  announceReady(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
