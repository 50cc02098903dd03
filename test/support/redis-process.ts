import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './gateway-harness';
import { freePort } from './gateway-process';

export interface RedisProcessOptions {
  /** Keep data across `stop()`/`startAgain()`: an append-only file fsynced on every write. Default false. */
  persistent?: boolean;
}

/**
 * A redis-server a test owns, on a free loopback port, that it can stop (to inject an outage) and start again
 * on the same port. Its temporary directory goes with `remove()`.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly persistent: boolean,
  ) {}

  static async start(options: RedisProcessOptions = {}): Promise<RedisProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'test-redis-'));
    const redis = new RedisProcess(await freePort(), dir, options.persistent ?? false);
    await redis.startAgain();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async startAgain(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        ...(this.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      return answersPing(this.port);
    }, 10_000);
  }

  /** Stops the server: SIGTERM lets it shut down, SIGKILL is a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  /**
   * Freezes the server (SIGSTOP): its connections stay open and it answers nothing, as a Redis that hangs
   * does. `resume()` wakes it up with everything it had. Neither waits for anything.
   */
  pause(): void {
    this.signalRunning('SIGSTOP');
  }

  resume(): void {
    this.signalRunning('SIGCONT');
  }

  async remove(): Promise<void> {
    // A frozen server would ignore SIGTERM until woken up.
    if (this.child !== null && this.child.exitCode === null) this.resume();
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private signalRunning(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server is not running; cannot send ${signal}`);
    }
    child.kill(signal);
  }
}

/** A bare socket rather than a client: a refused probe leaves no reconnect timer behind. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}
