/** An account event as the summaries and diagnoses read it (the shape of the stored record). */
export interface AccountEventEvidence {
  /** One of `AccountEventKind`'s values. */
  kind: string;
  /** Meta's webhook field. */
  field: string;
  /** The change's `value` as Meta sent it; for a `WEBHOOK_ERROR`, `{ path, reason, raw }` or `{ path, error }`. */
  payload: Record<string, unknown>;
}
