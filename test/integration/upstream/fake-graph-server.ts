export { waitFor } from '../../support/wait-for';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

/** A request as the fake Graph API received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request; never answering (a hanging upstream) is allowed. */
export type FakeHandler = (request: ReceivedRequest, response: ServerResponse) => void;

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * A stand-in for the Graph API on 127.0.0.1, port 0: records every request, counts open sockets, and
 * answers through a handler the test can swap at any time.
 */
export class FakeGraphServer {
  readonly requests: ReceivedRequest[] = [];
  handler: FakeHandler;
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    handler: FakeHandler,
  ) {
    this.handler = handler;
  }

  static async start(handler: FakeHandler): Promise<FakeGraphServer> {
    const server = createServer();
    const fake = new FakeGraphServer(server, handler);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received: ReceivedRequest = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        fake.requests.push(received);
        fake.handler(received, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Sockets the server holds open right now. */
  get openSockets(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A logger sink that keeps every line, for assertions on what was (not) logged. */
export function memoryDestination(): { write: (line: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}
