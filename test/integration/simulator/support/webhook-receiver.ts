export { waitFor } from '../../../support/wait-for';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Attempts seen, answered or not, including refused ones. */
  attempts: number;
  close(): Promise<void>;
}

/**
 * A callback endpoint on port 0 that records every POST's raw bytes. `answer` picks the status code of
 * each attempt (1-based); only 2xx attempts are recorded in `received`.
 */
export async function startWebhookReceiver(
  answer: (attempt: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', received: [], attempts: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.attempts += 1;
      const status = answer(receiver.attempts);
      if (status >= 200 && status < 300)
        receiver.received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}
