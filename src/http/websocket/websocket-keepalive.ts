import { type WebSocket } from 'ws';

interface Liveness {
  /** Anything (a pong or a message) came from the client since the last check. */
  heard: boolean;
  /** Checks in a row without a sign of life. */
  silent: number;
  /** `bufferedAmount` at the last check. */
  buffered: number;
}

/**
 * The interval is cut into this many ticks, and each socket is checked on one of them: pinging every
 * socket at once made a periodic spike (thousands of pings out, thousands of pongs back) that held up
 * the live events arriving meanwhile.
 */
export const TICKS_PER_INTERVAL = 48;

/** Sockets checked (and pinged) between two turns of the event loop. */
const SOCKETS_PER_TURN = 256;

/** Silent intervals in a row before a socket is terminated. */
const MAX_SILENT_INTERVALS = 2;

export interface KeepAliveOptions {
  /** Between two pings of one socket, and between its liveness checks. */
  intervalMs: number;
  /**
   * Runs `tick` every `everyMs` until the returned function stops it. Default: an unref'd `setInterval`.
   * Tests hand in their own to step through the ticks instead of waiting for them.
   */
  repeat?: (tick: () => void, everyMs: number) => () => void;
}

function repeatOnTimer(tick: () => void, everyMs: number): () => void {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Pings every socket once per interval and terminates the ones that show no life. Life is a pong or a
 * message, or output draining: under a burst a healthy client's pong can wait behind megabytes of frames
 * in either direction, and a socket whose buffer is going down is being read. One timer serves every
 * socket; the sockets are spread over the ticks of the interval, each on the least busy tick when it
 * connects, so that every tick pings about the same number of them.
 */
export class WebSocketKeepAlive {
  private readonly states = new WeakMap<WebSocket, Liveness>();
  private readonly slots: Array<Set<WebSocket>> = Array.from({ length: TICKS_PER_INTERVAL }, () => new Set());
  private readonly stopRepeating: () => void;
  private tick = 0;
  private stopped = false;

  constructor(options: KeepAliveOptions) {
    const repeat = options.repeat ?? repeatOnTimer;
    this.stopRepeating = repeat(() => this.checkSlot(), options.intervalMs / TICKS_PER_INTERVAL);
  }

  /** Starts watching a socket until it closes; call `heard` whenever it sends something. */
  watch(socket: WebSocket): void {
    const slot = this.slots.reduce((least, candidate) => (candidate.size < least.size ? candidate : least));
    slot.add(socket);
    this.states.set(socket, { heard: true, silent: 0, buffered: 0 });
    socket.on('pong', () => this.heard(socket));
    socket.once('close', () => slot.delete(socket));
  }

  heard(socket: WebSocket): void {
    const state = this.states.get(socket);
    if (state) state.heard = true;
  }

  stop(): void {
    this.stopped = true;
    this.stopRepeating();
  }

  /**
   * Checks the sockets of this tick, a slice at a time with a turn of the event loop between slices, so
   * that a tick with thousands of sockets does not hold a webhook or a fan-out while it writes.
   */
  private checkSlot(): void {
    const sockets = [...this.slots[this.tick]!];
    this.tick = (this.tick + 1) % TICKS_PER_INTERVAL;
    const slice = (from: number): void => {
      if (this.stopped) return;
      const to = Math.min(from + SOCKETS_PER_TURN, sockets.length);
      for (let i = from; i < to; i += 1) this.check(sockets[i]!);
      if (to < sockets.length) setImmediate(slice, to);
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
    } else if (++state.silent >= MAX_SILENT_INTERVALS) {
      socket.terminate();
      return;
    }
    state.heard = false;
    socket.ping();
  }
}
