import { type Socket } from 'node:net';
import { WebSocket } from 'ws';

/** Close code for a subscriber that stopped reading (RFC 6455: try again later). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
const SLOW_CONSUMER_REASON = 'Subscriber too slow: reconnect and resubscribe with since';

/**
 * Encoded messages kept at most (a few MiB): enough for a batch of events to subscribers that share ids;
 * when every subscription has its own id nothing is shared anyway, and the cache starts over.
 */
const MESSAGE_CACHE_LIMIT = 4_096;

/** `ws` copies a send's options, so one object serves every `next` message instead of one per socket. */
const AS_TEXT = { binary: false } as const;

export interface WebSocketWriterOptions {
  /**
   * Bytes a socket may have waiting to be written before it counts as a slow consumer: it is then closed
   * (1013) instead of growing the process without bound, whatever it subscribed to.
   */
  maxBufferedBytes: number;
  /** Called once per socket closed as a slow consumer. */
  onSlowConsumer: (socket: WebSocket) => void;
}

/**
 * Every message the WebSocket server writes goes through here. `next` messages of the fan-out are encoded
 * once per payload and subscription id and the same Buffer goes to every socket (`socket.send`, no framing
 * or UTF-8 encoding per subscriber). The fan-out hands a subscriber all of its messages of a batch at once:
 * they leave in one system call, written at once so that the first subscribers read while the rest are
 * written. graphql-ws's own messages are corked until the turn's synchronous work ends. A socket past
 * `maxBufferedBytes` is closed as a slow consumer.
 */
export class WebSocketWriter {
  private readonly messages = new Map<string, Map<string, Buffer>>();
  private cachedMessages = 0;
  private readonly corked = new Set<Socket>();
  private slowConsumers = 0;

  constructor(private readonly options: WebSocketWriterOptions) {}

  get slowConsumersClosed(): number {
    return this.slowConsumers;
  }

  /** Sends one message as it is (graphql-ws's own); resolves once written or dropped. */
  send(socket: WebSocket, stream: Socket, data: string): Promise<void> {
    if (!this.writable(socket)) return Promise.resolve();
    this.cork(stream);
    return new Promise((resolve) => socket.send(data, () => resolve()));
  }

  /** Sends `next` messages with the given payloads (each the serialised `{"data":…}`) for operation `id`. */
  sendNext(socket: WebSocket, stream: Socket, id: string, payloads: readonly string[]): void {
    if (!this.writable(socket)) return;
    stream.cork();
    // Indexed: this runs once per subscriber and event, and an iterator here was allocated on every call.
    for (let i = 0; i < payloads.length; i++) socket.send(this.nextMessage(id, payloads[i]!), AS_TEXT);
    stream.uncork();
  }

  private writable(socket: WebSocket): boolean {
    if (socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
      this.slowConsumers += 1;
      this.options.onSlowConsumer(socket);
      return false;
    }
    return true;
  }

  private cork(stream: Socket): void {
    if (this.corked.has(stream)) return;
    if (this.corked.size === 0) queueMicrotask(() => this.uncorkAll());
    this.corked.add(stream);
    stream.cork();
  }

  private uncorkAll(): void {
    for (const stream of this.corked) stream.uncork();
    this.corked.clear();
  }

  /**
   * The fan-out hands the same string to every subscriber of an event, so the lookup by payload compares
   * pointers, not text.
   */
  private nextMessage(id: string, payload: string): Buffer {
    let byId = this.messages.get(payload);
    const cached = byId?.get(id);
    if (cached) return cached;
    const message = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`);
    if (this.cachedMessages >= MESSAGE_CACHE_LIMIT) {
      this.messages.clear();
      this.cachedMessages = 0;
      byId = undefined;
    }
    if (!byId) this.messages.set(payload, (byId = new Map()));
    byId.set(id, message);
    this.cachedMessages += 1;
    return message;
  }
}
