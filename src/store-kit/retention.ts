/** Meta keeps a message for a phone that is offline 30 days: how long every store keeps what it holds, by default. */
export const DEFAULT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
