import { createServer } from 'node:http';
import { type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady } from '../support/child-process';

/**
 * The floor of the fan-out scenario: a bare `ws` server that speaks just enough `graphql-transport-ws`
 * for the subscriber fleet, takes the same status webhooks (unverified, unstored) and writes one prebuilt
 * `next` message per status to every subscriber of its recipient, each socket corked for the batch. No
 * GraphQL, no Redis, no checks: the cost of the writes themselves on this machine.
 */
interface Subscription {
  socket: WebSocket;
  stream: Socket;
  id: string;
}

interface WireStatus {
  id: string;
  recipient_id: string;
  status: string;
}

interface Notification {
  entry?: Array<{ changes?: Array<{ value?: { statuses?: WireStatus[] } }> }>;
}

const byRecipient = new Map<string, Set<Subscription>>();
let pending: WireStatus[] = [];
let sequence = 0;

/** The message the gateway's bench subscription document produces, for the same status. */
function nextMessage(id: string, status: WireStatus): Buffer {
  sequence += 1;
  const payload = {
    data: {
      messageStatusChanged: {
        cursor: `${Date.now()}-${sequence}`,
        status: status.status.toUpperCase(),
        message: { id: status.id },
      },
    },
  };
  return Buffer.from(JSON.stringify({ id, type: 'next', payload }));
}

/** Writes every pending status to its subscribers: per socket, all of its messages in one corked write. */
function deliver(): void {
  const batch = pending;
  pending = [];
  const outgoing = new Map<Subscription, Buffer[]>();
  const messages = new Map<string, Buffer>();
  for (const status of batch) {
    for (const subscription of byRecipient.get(`+${status.recipient_id}`) ?? []) {
      const key = `${status.id}\u0000${subscription.id}`;
      let message = messages.get(key);
      if (!message) messages.set(key, (message = nextMessage(subscription.id, status)));
      const list = outgoing.get(subscription);
      if (list) list.push(message);
      else outgoing.set(subscription, [message]);
    }
  }
  for (const [{ socket, stream }, list] of outgoing) {
    stream.cork();
    for (const message of list) socket.send(message, { binary: false });
    stream.uncork();
  }
}

function onWebhook(body: Buffer): void {
  const notification = JSON.parse(body.toString('utf8')) as Notification;
  for (const entry of notification.entry ?? []) {
    for (const change of entry.changes ?? []) pending.push(...(change.value?.statuses ?? []));
  }
  if (pending.length > 0) setImmediate(() => pending.length > 0 && deliver());
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url === '/webhooks/whatsapp') onWebhook(Buffer.concat(chunks));
    response.writeHead(200, { 'content-length': 0 }).end();
  });
});
server.keepAliveTimeout = 60_000;

const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
wss.on('connection', (socket, request) => {
  const own = new Map<string, { recipient: string; subscription: Subscription }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: string;
      type: string;
      payload?: { variables?: { recipient?: string } };
    };
    switch (message.type) {
      case 'connection_init':
        socket.send('{"type":"connection_ack"}');
        return;
      case 'ping':
        socket.send('{"type":"pong"}');
        return;
      case 'subscribe': {
        const recipient = message.payload?.variables?.recipient ?? '';
        const subscription = { socket, stream: request.socket, id: message.id ?? '' };
        let set = byRecipient.get(recipient);
        if (!set) byRecipient.set(recipient, (set = new Set()));
        set.add(subscription);
        own.set(subscription.id, { recipient, subscription });
        return;
      }
      case 'complete': {
        const entry = own.get(message.id ?? '');
        if (entry) byRecipient.get(entry.recipient)?.delete(entry.subscription);
        return;
      }
    }
  });
  socket.on('close', () => {
    for (const { recipient, subscription } of own.values()) byRecipient.get(recipient)?.delete(subscription);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  announceReady(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
