import { type WebSocket, type WebSocketServer } from 'ws';

interface Liveness {
  /** Anything (a pong or a message) came from the client since the last sweep. */
  heard: boolean;
  /** Sweeps in a row without a sign of life. */
  silent: number;
  /** `bufferedAmount` at the last sweep. */
  buffered: number;
}

/** Sockets checked (and pinged) between two turns of the event loop. */
const SOCKETS_PER_TURN = 256;

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
  private sweeping = false;
  private stopped = false;

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
    this.stopped = true;
    clearInterval(this.timer);
  }

  /**
   * Checks every socket, a slice at a time with a turn of the event loop between slices: with thousands
   * of sockets one pass of pings would otherwise hold a webhook or a fan-out for as long as it writes.
   */
  private sweep(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    const sockets = [...this.wss.clients];
    const slice = (from: number): void => {
      if (this.stopped) return;
      const to = Math.min(from + SOCKETS_PER_TURN, sockets.length);
      for (let i = from; i < to; i += 1) this.check(sockets[i]!);
      if (to < sockets.length) setImmediate(slice, to);
      else this.sweeping = false;
    };
    slice(0);
  }

  private check(socket: WebSocket): void {
    const state = this.states.get(socket);
    if (!state || socket.readyState !== socket.OPEN) return;
    const buffered = socket.bufferedAmount;
    const draining = buffered < state.buffered;
    state.buffered = buffered;
    if (state.heard || draining) {
      state.silent = 0;
    } else if (++state.silent >= this.maxSilentSweeps) {
      socket.terminate();
      return;
    }
    state.heard = false;
    socket.ping();
  }
}
