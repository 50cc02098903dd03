import { type Redis } from 'ioredis';
import { type BenchProcess } from '../support/child-process';
import { type Figure } from '../support/report';

/** What every scenario gets from the runner. */
export interface ScenarioContext {
  /** The bench database (flush it before starting a gateway). */
  redis: Redis;
  /** The instant Cloud API stand-in, shared by every scenario. */
  upstream: BenchProcess;
  /** Seconds of each measured load run, and of the unmeasured warm-up before it. */
  measureSeconds: number;
  warmUpSeconds: number;
  figures: Figure[];
  notes: string[];
  /** A progress line on stderr (the table goes to stdout). */
  progress(message: string): void;
}

export interface Scenario {
  name: string;
  run(context: ScenarioContext): Promise<void>;
}
