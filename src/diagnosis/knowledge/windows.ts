/** Time windows the platform works with. Each figure names where it comes from. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Meta's troubleshooting page: 「顧客在 30 天期間內未上線,我們在該期間內為離線顧客保留訊息。」 (messages for
 * offline customers are kept for a 30-day period).
 */
export const OFFLINE_RETENTION_DAYS = 30;
export const OFFLINE_RETENTION_MS = OFFLINE_RETENTION_DAYS * DAY_MS;

/**
 * Meta's troubleshooting page, error code 2: 「當我們更新 API 時,您可能會遇到長達 5 分鐘的停機時間。」 (API updates
 * can cause up to 5 minutes of downtime) and 「建議您等待 5 分鐘後,再嘗試進行 API 呼叫。」 (wait 5 minutes before
 * calling again).
 */
export const MAINTENANCE_MINUTES = 5;
export const MAINTENANCE_SECONDS = MAINTENANCE_MINUTES * 60;

/** Meta's customer service window: free-form messages only within 24 hours of the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_HOURS = 24;
export const CUSTOMER_SERVICE_WINDOW_MS = CUSTOMER_SERVICE_WINDOW_HOURS * HOUR_MS;

/** Meta's pair rate limit: about one message every 6 seconds from one business to one customer (131056). */
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
