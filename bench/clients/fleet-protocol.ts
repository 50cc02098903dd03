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

/** Several latency histograms (non-empty [bucket, count] pairs) as one, buckets in order. */
export function mergeHistograms(
  histograms: ReadonlyArray<ReadonlyArray<[number, number]>>,
): Array<[number, number]> {
  const merged = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [bucket, count] of histogram) merged.set(bucket, (merged.get(bucket) ?? 0) + count);
  }
  return [...merged.entries()].sort((a, b) => a[0] - b[0]);
}

/** The q-quantile (ms, the bucket's upper edge) of a histogram in bucket order; NaN when empty. */
export function histogramQuantile(histogram: ReadonlyArray<[number, number]>, q: number): number {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bucket, count] of histogram) {
    seen += count;
    if (seen >= rank) return (bucket + 1) * HISTOGRAM_BUCKET_MS;
  }
  return Number.NaN;
}

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
