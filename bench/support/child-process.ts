import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { residentBytes } from './proc-stats';
import { waitUntil } from './stats';

/** A process the benchmark started; stopped with SIGTERM, then SIGKILL after a grace period. */
export interface BenchProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The last few KiB of its stderr, for error messages. */
  errors(): string;
  rss(): number;
  stop(): Promise<void>;
}

const STDERR_TAIL_BYTES = 8 * 1024;

function track(child: ChildProcess, url: string): BenchProcess {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_BYTES);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    pid: child.pid ?? -1,
    child,
    errors: () => stderr,
    rss: () => residentBytes(child.pid ?? -1),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Where the compiled bench scripts live (this file is `bench/.tmp/dist/bench/support/child-process.js`). */
export const benchDir = join(__dirname, '..');
/** The repository root. */
export const repoRoot = join(__dirname, '../../../../..');
/** The gateway build under test, as `npm start` runs it. */
export const gatewayMain = join(repoRoot, 'dist/main.js');

/**
 * Forks a compiled bench script (relative to the bench folder) with JSON options in argv; it announces
 * `{ type: 'ready', url }` over IPC once it listens.
 */
export async function forkBenchScript(
  script: string,
  options: unknown,
  timeoutMs = 15_000,
): Promise<BenchProcess> {
  const child = fork(join(benchDir, script), [JSON.stringify(options)], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [],
  });
  let stderr = '';
  const collect = (chunk: Buffer): void => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_BYTES);
  };
  child.stderr?.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}: ${stderr.trim()}`));
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url ?? '');
      }
    });
  });
  child.stderr?.off('data', collect);
  return track(child, url);
}

/** Called by a forked bench script once it is ready. */
export function announceReady(url: string): void {
  process.send?.({ type: 'ready', url });
}

/** The options a forked bench script was given. */
export function childOptions<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** A larger young generation: a send allocates a lot that dies young, and scavenges were 6% of the CPU. */
const GATEWAY_NODE_FLAGS = '--max-semi-space-size=32';

/**
 * Starts the built gateway (`dist/main.js`) with exactly this environment and waits for `/readyz`;
 * `nodeArgs` are a scenario's own Node.js flags.
 */
export async function startGatewayProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<BenchProcess> {
  const port = await freePort();
  // The same V8 flag as the Dockerfile and `npm start`: the bench measures the gateway as it is run.
  // `BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=…'` profiles the gateways a scenario starts.
  const benchArgs = process.env.BENCH_GATEWAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [GATEWAY_NODE_FLAGS, ...nodeArgs, ...benchArgs, gatewayMain], {
    env: { HOST: '127.0.0.1', PORT: String(port), ...env },
    // Logs go to /dev/null: writing them is part of the cost measured, reading them is not.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const handle = track(child, `http://127.0.0.1:${port}`);
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`gateway exited early: ${handle.errors()}`);
        try {
          const response = await request(`${handle.url}/readyz`);
          await response.body.dump();
          return response.statusCode === 200;
        } catch {
          return false;
        }
      },
      20_000,
      'the gateway to be ready',
      50,
    );
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
