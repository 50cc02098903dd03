import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  redis: string;
  date: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews figures. */
  loadAverage: { start: number; end: number };
}

export function describeMachine(redisVersion: string, loadAtStart: number): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    redis: redisVersion,
    date: new Date().toISOString(),
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  };
}
