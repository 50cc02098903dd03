/**
 * What subscribers with equal `key`s receive for one event is the same: it is rendered once per event and
 * key, however many subscribers share it.
 */
export interface FanoutShape<P, R> {
  readonly key: string;
  render(payload: P): Promise<R>;
}

/** One live subscription, as an adapter hands it to the fan-out. */
export interface FanoutSubscriber<F, R> {
  readonly filter: F;
  /**
   * Takes rendered outputs, in stream order (several when events came faster than they were delivered,
   * so that a transport can write them at once). Must not throw; a subscriber too slow to keep up is the
   * transport's to drop.
   */
  deliver(outputs: readonly R[]): void;
  /** Ends the subscription with an error (a replay that cannot be served, a failed render). */
  fail(error: unknown): void;
}

/** Counters for operators and benchmarks. */
export interface FanoutStats {
  subscribers: number;
  events: number;
  deliveries: number;
  renders: number;
  shapes: number;
}
