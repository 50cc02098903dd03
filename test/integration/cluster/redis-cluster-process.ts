import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis Cluster of `redis-server` processes on loopback ports, owned by one test file. */
export interface RedisClusterProcess {
  nodes: Array<{ host: string; port: number }>;
  /** `127.0.0.1:p1,127.0.0.1:p2,…`, the form of REDIS_CLUSTER_NODES. */
  nodeList: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** A port free now whose cluster bus port (port + 10000) is free as well. */
async function freePort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await listenOnce(0);
    if (port > 55_000 || taken.has(port) || taken.has(port + 10_000)) continue;
    const busFree = await listenOnce(port + 10_000).then(
      () => true,
      () => false,
    );
    if (busFree) return port;
  }
  throw new Error('No free loopback port pair for a cluster node.');
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}

function cli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', HOST, '-p', String(port), ...args], { encoding: 'utf8' });
  return result.stdout ?? '';
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts `count` masters without persistence in a temporary directory, joins them with
 * `redis-cli --cluster create`, and waits until every node reports the cluster ok.
 */
export async function startRedisCluster(count = 3): Promise<RedisClusterProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-redis-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const taken = new Set<number>();
    const ports: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const port = await freePort(taken);
      taken.add(port);
      ports.push(port);
    }
    for (const port of ports) {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          HOST,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
          '--logfile',
          join(dir, `redis-${port}.log`),
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    await until(() => ports.every((port) => cli(port, 'ping').includes('PONG')), 'the cluster nodes');
    const create = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((p) => `${HOST}:${p}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8' },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}`);
    await until(
      () => ports.every((port) => cli(port, 'cluster', 'info').includes('cluster_state:ok')),
      'cluster_state:ok on every node',
    );
    return {
      nodes: ports.map((port) => ({ host: HOST, port })),
      nodeList: ports.map((port) => `${HOST}:${port}`).join(','),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
