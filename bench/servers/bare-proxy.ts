import { createServer } from 'node:http';
import { Pool } from 'undici';
import { announceReady, childOptions } from '../support/child-process';

/**
 * The floor of the send scenario: a bare `node:http` server that takes the same GraphQL request, forwards
 * the send to the upstream over an undici keep-alive pool and answers with the message id. No GraphQL,
 * no auth, no store: what any gateway on this stack costs at least.
 */
const { upstreamUrl, phoneNumberId } = childOptions<{ upstreamUrl: string; phoneNumberId: string }>();
const pool = new Pool(upstreamUrl, { connections: 64, pipelining: 1 });
const path = `/v23.0/${phoneNumberId}/messages`;

interface SendRequest {
  variables?: { input?: { to?: string; text?: { body?: string } } };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const input =
          (JSON.parse(Buffer.concat(chunks).toString('utf8')) as SendRequest).variables?.input ?? {};
        const upstream = await pool.request({
          method: 'POST',
          path,
          headers: { authorization: 'Bearer bench-access-token', 'content-type': 'application/json' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: input.to,
            type: 'text',
            text: { body: input.text?.body },
          }),
        });
        const sent = (await upstream.body.json()) as { messages?: Array<{ id: string }> };
        const payload = JSON.stringify({
          data: {
            sendMessage: { message: { id: sent.messages?.[0]?.id ?? null, status: 'ACCEPTED' }, error: null },
          },
        });
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        });
        response.end(payload);
      } catch {
        response.writeHead(502).end();
      }
    })();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  announceReady(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))));
