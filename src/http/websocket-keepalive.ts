import { type WebSocket, type WebSocketServer } from 'ws';

interface Liveness {
  /** Anything (a pong or a message) came from the client since the last sweep. */
  heard: boolean;
  /** Sweeps in a row without a sign of life. */
  silent: number;
  /** `bufferedAmount` at the last sweep. */
  buffered: number;
}

export interface KeepAliveOptions {
  /** Between pings, and between liveness checks. */
  intervalMs: number;
  /** Silent sweeps in a row before the socket is terminated. Default 2. */
  maxSilentSweeps?: number;
}

/**
 * Pings every socket and terminates the ones that show no life. Life is a pong or a message, or output
 * draining: under a burst a healthy client's pong can wait behind megabytes of frames in either
 * direction, and a socket whose buffer is going down is being read. One timer serves every socket.
 */
export class WebSocketKeepAlive {
  private readonly states = new WeakMap<WebSocket, Liveness>();
  private readonly timer: NodeJS.Timeout;
  private readonly maxSilentSweeps: number;

  constructor(
    private readonly wss: WebSocketServer,
    options: KeepAliveOptions,
  ) {
    this.maxSilentSweeps = options.maxSilentSweeps ?? 2;
    this.timer = setInterval(() => this.sweep(), options.intervalMs);
    this.timer.unref();
  }

  /** Starts watching a socket; call `heard` whenever it sends something. */
  watch(socket: WebSocket): void {
    this.states.set(socket, { heard: true, silent: 0, buffered: 0 });
    socket.on('pong', () => this.heard(socket));
  }

  heard(socket: WebSocket): void {
    const state = this.states.get(socket);
    if (state) state.heard = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    for (const socket of this.wss.clients) {
      const state = this.states.get(socket);
      if (!state || socket.readyState !== socket.OPEN) continue;
      const buffered = socket.bufferedAmount;
      const draining = buffered < state.buffered;
      state.buffered = buffered;
      if (state.heard || draining) {
        state.silent = 0;
      } else if (++state.silent >= this.maxSilentSweeps) {
        socket.terminate();
        continue;
      }
      state.heard = false;
      socket.ping();
    }
  }
}
