/** How the message stands, in one word. Values equal names so they cross GraphQL and logs unchanged. */
export enum Verdict {
  /** Delivered (or better) and nothing contradicts it. */
  OK = 'OK',
  /** Not delivered yet, and it may still be. */
  PENDING = 'PENDING',
  /** Delivered somewhere, but something failed too (or the account is limited). */
  AT_RISK = 'AT_RISK',
  /** It will not arrive as it is. */
  FAILED = 'FAILED',
  /** The evidence does not say. */
  UNKNOWN = 'UNKNOWN',
}
