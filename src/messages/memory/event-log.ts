import { type MessageRecord, type StatusChangeEvent } from '../message-record';
import { type StatusListener } from '../status-bus';
import {
  CursorAheadError,
  CursorExpiredError,
  compareStreamCursors,
  formatStreamCursor,
  nextStreamCursor,
  parseStreamCursor,
  type StreamCursor,
} from '../../store-kit';

interface LoggedEvent {
  at: StreamCursor;
  event: StatusChangeEvent;
}

/**
 * The in-process stand-in for the Redis stream and channel, shared by the memory store (which appends)
 * and the memory bus (which delivers). Trimming is exact: the log never holds more than `maxLength`.
 */
export class MemoryEventLog {
  private entries: LoggedEvent[] = [];
  /** Index of the oldest kept entry in `entries`; compacted lazily so trimming stays O(1). */
  private head = 0;
  private last: StreamCursor | null = null;
  /** Whether any event was ever trimmed away. */
  private trimmed = false;
  private readonly listeners = new Set<StatusListener>();

  constructor(
    private readonly maxLength: number,
    private readonly now: () => number,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  /** The cursor the next append will get; nothing is reserved until `append`. */
  peekCursor(): string {
    return formatStreamCursor(nextStreamCursor(this.last, this.now()));
  }

  /**
   * Stores an event whose cursor came from `peekCursor`, then delivers it to every listener with the
   * message as it stands after it.
   */
  append(event: StatusChangeEvent, message: MessageRecord): void {
    const at = parseStreamCursor(event.cursor);
    this.last = at;
    this.entries.push({ at, event });
    while (this.entries.length - this.head > this.maxLength) {
      this.trimmed = true;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(structuredClone(event), structuredClone(message));
      } catch (error) {
        // One broken subscriber must neither reject the write that stored the event nor starve the others.
        this.onListenerError(error);
      }
    }
  }

  readAfter(cursor: string, limit: number): StatusChangeEvent[] {
    const after = parseStreamCursor(cursor);
    // Same rule as the Redis store: once anything was trimmed, a cursor older than the oldest kept event
    // may have lost events after it.
    if (this.trimmed && compareStreamCursors(after, this.entries[this.head].at) < 0) {
      throw new CursorExpiredError(cursor, this.entries[this.head].event.cursor);
    }
    if (compareStreamCursors(after, this.last ?? { ms: 0, seq: 0 }) > 0) {
      throw new CursorAheadError(cursor, this.last === null ? null : formatStreamCursor(this.last));
    }
    let low = this.head;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareStreamCursors(this.entries[mid].at, after) <= 0) low = mid + 1;
      else high = mid;
    }
    return this.entries.slice(low, low + Math.max(0, limit)).map((e) => structuredClone(e.event));
  }

  addListener(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
