/** Epoch milliseconds. Every time inside the gateway is one of these; Meta's seconds are converted at the edge. */
export type EpochMillis = number;
