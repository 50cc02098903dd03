/** Time windows the platform works with. Each figure names where it comes from. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Seed, "Message not delivered": messages for offline customers are kept for a 30-day period. */
export const OFFLINE_RETENTION_DAYS = 30;
export const OFFLINE_RETENTION_MS = OFFLINE_RETENTION_DAYS * DAY_MS;

/** Seed, "Error code 2 - API service": updates can cause up to 5 minutes of downtime; wait 5 minutes. */
export const MAINTENANCE_MINUTES = 5;
export const MAINTENANCE_SECONDS = MAINTENANCE_MINUTES * 60;

/** meta-cloud-api.md "Base": free-form messages only within 24 hours of the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_HOURS = 24;
export const CUSTOMER_SERVICE_WINDOW_MS = CUSTOMER_SERVICE_WINDOW_HOURS * HOUR_MS;

/** meta-cloud-api.md "Base": the pair rate limit allows about one message every 6 seconds (131056). */
export const PAIR_RATE_LIMIT_SECONDS = 6;

/**
 * The gateway's own threshold: a message still `ACCEPTED` a day after the send has most likely lost its
 * webhook (Meta normally reports `sent` within seconds, and there is no API to fetch a status later).
 */
export const STALE_ACCEPTED_MS = 24 * HOUR_MS;

export { DAY_MS, HOUR_MS };

/** The gateway's own figure: when the upstream could not be reached, try again after this many seconds. */
export const TRANSPORT_RETRY_SECONDS = 30;

/** The gateway's own figure: a token that expires within this time is reported as at risk. */
export const TOKEN_EXPIRY_WARNING_MS = 7 * DAY_MS;
