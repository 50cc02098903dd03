import { type MemoryEventLog } from './event-log';
import { type StatusBus, type StatusListener } from '../status-bus';

/** The embedded bus: delivers the memory store's events to listeners in this process. */
export class MemoryStatusBus implements StatusBus {
  private closed = false;

  constructor(private readonly log: MemoryEventLog) {}

  async subscribe(listener: StatusListener): Promise<() => void> {
    if (this.closed) throw new Error('The status bus is closed.');
    return this.log.addListener(listener);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The status bus is closed.');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.log.removeAllListeners();
  }
}
