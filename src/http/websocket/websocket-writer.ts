import { type Socket } from 'node:net';
import { WebSocket } from 'ws';

/** Close code for a subscriber that stopped reading (RFC 6455: try again later). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
const SLOW_CONSUMER_REASON = 'Subscriber too slow: reconnect and resubscribe with since';

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
 * once per list of payloads and subscription id and the same Buffers go to every socket (`socket.send`, no
 * framing or UTF-8 encoding per subscriber): the fan-out hands every subscriber of a selection the same
 * list for a batch. It hands a subscriber all of its messages of a batch at once:
 * they leave in one system call, written at once so that the first subscribers read while the rest are
 * written. graphql-ws's own messages are corked until the turn's synchronous work ends. A socket past
 * `maxBufferedBytes` is closed as a slow consumer.
 */
export class WebSocketWriter {
  /** Kept as long as the fan-out's list is: for the subscribers of one batch, not beyond. */
  private readonly messages = new WeakMap<readonly string[], Map<string, Buffer[]>>();
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
    const messages = this.nextMessages(id, payloads);
    stream.cork();
    // Indexed: this runs once per subscriber and event, and an iterator here was allocated on every call.
    for (let i = 0; i < messages.length; i++) socket.send(messages[i]!, AS_TEXT);
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
   * The encoded messages for a list the fan-out hands over: looked up by the list itself, which every
   * subscriber of a selection shares for a batch, so that only its first subscriber encodes.
   */
  private nextMessages(id: string, payloads: readonly string[]): Buffer[] {
    let byId = this.messages.get(payloads);
    if (!byId) this.messages.set(payloads, (byId = new Map()));
    let messages = byId.get(id);
    if (!messages) {
      const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
      byId.set(id, (messages = payloads.map((payload) => Buffer.from(`${prefix}${payload}}`))));
    }
    return messages;
  }
}
