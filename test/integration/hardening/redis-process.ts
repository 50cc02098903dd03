import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../../support/gateway-process';
import { waitFor } from '../../support/gateway-harness';

/** A redis-server this suite owns on a free loopback port, without persistence, so that it can be stopped. */
export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`). */
  restart(): Promise<void>;
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
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}

async function spawnRedis(port: number): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    return answersPing(port);
  });
  return { child, exited };
}

export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  let current = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const { child, exited } = current;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      current = await spawnRedis(port);
    },
  };
}
