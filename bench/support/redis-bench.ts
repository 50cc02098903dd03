import { Redis } from 'ioredis';
import { BENCH_REDIS_DB, BENCH_REDIS_URL } from './bench-constants';

/** A connection to the benchmarks' own logical database. */
export function connectBenchRedis(): Redis {
  return new Redis(BENCH_REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 3 });
}

export async function flushBenchDb(redis: Redis): Promise<void> {
  await redis.flushdb();
}

/** `INFO commandstats` as command → calls (server-wide: every database, scripts' inner calls included). */
export async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const line of info.split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

/** Calls per command between two snapshots, the `info` and `monitor` calls of the measurement left out. */
export function callsDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [command, calls] of after) {
    if (command === 'info') continue;
    const diff = calls - (before.get(command) ?? 0);
    if (diff > 0) delta.set(command, diff);
  }
  return delta;
}

const MONITOR_MARKER = 'bench-monitor-end';

/**
 * Watches MONITOR while `work` runs and counts the commands clients sent to the bench database (round
 * trips) apart from the ones scripts ran inside Redis.
 */
export async function monitorCommands(
  work: () => Promise<void>,
): Promise<{ clientCommands: number; scriptCommands: number; byCommand: Map<string, number> }> {
  // Connected before MONITOR starts, so that its handshake (SELECT, INFO) is not counted.
  const probe = new Redis(BENCH_REDIS_URL);
  await probe.echo('bench-monitor-start');
  const watcher = new Redis(BENCH_REDIS_URL);
  const monitor = await watcher.monitor();
  let clientCommands = 0;
  let scriptCommands = 0;
  let sawMarker: () => void = () => undefined;
  const markerSeen = new Promise<void>((resolve) => (sawMarker = resolve));
  const byCommand = new Map<string, number>();
  monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
    if (Number(database) !== BENCH_REDIS_DB) return;
    const command = (args[0] ?? '').toLowerCase();
    if (command === 'echo' && args[1] === MONITOR_MARKER) return sawMarker();
    if (source === 'lua') scriptCommands += 1;
    else {
      clientCommands += 1;
      byCommand.set(command, (byCommand.get(command) ?? 0) + 1);
    }
  });
  try {
    await work();
    // MONITOR lines trail the replies: a marker sent after the work tells when every line has arrived.
    await probe.echo(MONITOR_MARKER);
    await Promise.race([markerSeen, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  } finally {
    probe.disconnect();
    monitor.disconnect();
    watcher.disconnect();
  }
  return { clientCommands, scriptCommands, byCommand };
}

/** CPU time (user + system) the Redis server has used so far, in microseconds (`INFO cpu`, server-wide). */
export async function redisCpuMicros(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (field: string): number =>
    Number(new RegExp(`${field}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1_000_000;
}

export async function redisVersion(redis: Redis): Promise<string> {
  const info = await redis.info('server');
  return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
}
