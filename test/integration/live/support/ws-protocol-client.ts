import WebSocket from 'ws';
import { waitFor } from '../../../support/gateway-harness';

export interface ProtocolMessage {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A bare `graphql-transport-ws` client: every frame kept, as text and parsed, for exact assertions. */
export class WsProtocolClient {
  readonly frames: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.frames.push(data.toString()));
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static async open(url: string): Promise<WsProtocolClient> {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const client = new WsProtocolClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Opens and completes `connection_init`; resolves once acknowledged. */
  static async connect(url: string, apiKey: string): Promise<WsProtocolClient> {
    const client = await WsProtocolClient.open(url);
    client.send({ type: 'connection_init', payload: { apiKey } });
    await waitFor(() => client.messages().some((m) => m.type === 'connection_ack'));
    return client;
  }

  messages(): ProtocolMessage[] {
    return this.frames.map((frame) => JSON.parse(frame) as ProtocolMessage);
  }

  /** The `next` payloads of one subscription, in arrival order. */
  nexts<T = Record<string, unknown>>(id: string): Array<{ data?: T; errors?: unknown[] }> {
    return this.messages()
      .filter((m) => m.id === id && m.type === 'next')
      .map((m) => m.payload as { data?: T; errors?: unknown[] });
  }

  send(message: ProtocolMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** Round trip through the server: every frame it wrote before the pong has arrived. */
  async settle(): Promise<void> {
    const before = this.messages().filter((m) => m.type === 'pong').length;
    this.send({ type: 'ping' });
    await waitFor(() => this.messages().filter((m) => m.type === 'pong').length > before);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.terminate();
    await this.closed;
  }
}
