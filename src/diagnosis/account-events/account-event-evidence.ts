/** The kinds of account events (the values of `AccountEventKind`). */
export type AccountEventKindName =
  | 'TEMPLATE_STATUS'
  | 'TEMPLATE_CATEGORY'
  | 'TEMPLATE_QUALITY'
  | 'PHONE_NUMBER_QUALITY'
  | 'PHONE_NUMBER_NAME'
  | 'ACCOUNT_UPDATE'
  | 'ACCOUNT_ALERT'
  | 'BUSINESS_CAPABILITY'
  | 'USER_PREFERENCE'
  | 'WEBHOOK_ERROR'
  | 'SECURITY'
  | 'OTHER';

/** An account event as the summaries and diagnoses read it (the shape of the stored record). */
export interface AccountEventEvidence {
  /** One of `AccountEventKindName`; an unknown one reads as `OTHER`. */
  kind: string;
  /** Meta's webhook field. */
  field: string;
  /** The change's `value` as Meta sent it; for a `WEBHOOK_ERROR`, `{ path, reason, raw }` or `{ path, error }`. */
  payload: Record<string, unknown>;
}
