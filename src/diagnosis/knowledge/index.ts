export { MINIMUM_CLIENT_VERSIONS, TERMS_OF_SERVICE_URL, type ClientVersion } from './client-versions';
export { ERROR_CATALOG, ErrorCategory, findErrorCode, type ErrorCodeInfo } from './error-catalog';
export { LINK_URLS, LinkId } from './links';
export { KNOWN_TOKEN_SUBCODES, REQUIRED_PERMISSIONS, TokenSubcode } from './permissions';
export {
  PlaceId,
  SANCTIONED_COUNTRIES,
  SANCTIONED_REGIONS,
  TURKEY_LIFTED_AT,
  type EffectivePeriod,
  type RegionCertainty,
  type SanctionedCountry,
  type SanctionedRegion,
} from './sanctioned-regions';
export {
  CUSTOMER_SERVICE_WINDOW_HOURS,
  CUSTOMER_SERVICE_WINDOW_MS,
  DAY_MS,
  HOUR_MS,
  MAINTENANCE_MINUTES,
  MAINTENANCE_SECONDS,
  OFFLINE_RETENTION_DAYS,
  OFFLINE_RETENTION_MS,
  PAIR_RATE_LIMIT_SECONDS,
  STALE_ACCEPTED_MS,
  TOKEN_EXPIRY_WARNING_MS,
  TRANSPORT_RETRY_SECONDS,
} from './windows';
