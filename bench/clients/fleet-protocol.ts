/** Options of one subscriber fleet process. */
export interface FleetOptions {
  /** ws://host:port/graphql */
  wsUrl: string;
  apiKey: string;
  count: number;
  /** Subscriber i filters on recipients[i % length]. */
  recipients: string[];
  /** Passed as `since` by every subscriber (the resume scenario). */
  since?: string;
  /** Keep the ids each subscriber received, for exactly-once checks. */
  trackIds: boolean;
  /** Sockets being opened at once. */
  connectConcurrency: number;
}

/** Latency histogram: 0.1 ms buckets up to 20 s; the last bucket holds everything slower. */
export const HISTOGRAM_BUCKET_MS = 0.1;
export const HISTOGRAM_BUCKETS = 200_000;

export interface FleetCounts {
  received: number;
  /** The fewest events any subscriber has received. */
  minPerSubscriber: number;
  /** Sockets closed or subscriptions ended (error/complete) since the fleet started. */
  dropped: number;
  /** When the first subscribe message went out and the last event came in (ms, `preciseNow`). */
  subscribedAt: number;
  lastReceiptAt: number;
}

export interface FleetCollected extends FleetCounts {
  /** Non-empty histogram buckets as [bucket, count] pairs. */
  histogram: Array<[number, number]>;
}

export interface FleetVerdict {
  /** Expected events a subscriber never got, summed over subscribers. */
  missing: number;
  /** Events a subscriber got more than once, beyond the first. */
  duplicates: number;
  /** Events a subscriber got that it did not ask for. */
  unexpected: number;
  delivered: number;
}

export type FleetCommand =
  | { type: 'counts' }
  | { type: 'reset'; trackIds: boolean }
  | { type: 'collect' }
  | { type: 'verify'; expected: Record<string, string[]> };

export type FleetReply =
  | { type: 'counts'; counts: FleetCounts }
  | { type: 'collected'; collected: FleetCollected }
  | { type: 'verdict'; verdict: FleetVerdict }
  | { type: 'reset' };
