/**
 * Every URL a diagnosis may point to, with the id of its localized title. Sources: Meta's Cloud API
 * troubleshooting page (ToS link, access token debugger, status page, direct support) and Meta's developer
 * documentation.
 */
export enum LinkId {
  ERROR_CODES = 'ERROR_CODES',
  STATUS_PAGE = 'STATUS_PAGE',
  TERMS_OF_SERVICE = 'TERMS_OF_SERVICE',
  TOKEN_DEBUGGER = 'TOKEN_DEBUGGER',
  DIRECT_SUPPORT = 'DIRECT_SUPPORT',
  TEMPLATES = 'TEMPLATES',
  CUSTOMER_SERVICE_WINDOW = 'CUSTOMER_SERVICE_WINDOW',
  THROUGHPUT = 'THROUGHPUT',
  HEALTH_STATUS = 'HEALTH_STATUS',
  TROUBLESHOOTING = 'TROUBLESHOOTING',
  POLICY_ENFORCEMENT = 'POLICY_ENFORCEMENT',
}

export const LINK_URLS: Readonly<Record<LinkId, string>> = {
  // Meta's public error-code reference.
  [LinkId.ERROR_CODES]: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes',
  // Troubleshooting page, reliability FAQ: the WhatsApp Business API status page.
  [LinkId.STATUS_PAGE]: 'https://metastatus.com/whatsapp-business-api',
  // Troubleshooting page: the link to send to the end user to accept the latest terms.
  [LinkId.TERMS_OF_SERVICE]: 'https://wa.me/tos/20210210',
  // Troubleshooting page, on auth errors: paste the token into the access token debugger.
  [LinkId.TOKEN_DEBUGGER]: 'https://developers.facebook.com/tools/debug/accesstoken/',
  // Troubleshooting page, reliability FAQ: a direct support ticket, for issues that are not global outages.
  [LinkId.DIRECT_SUPPORT]: 'https://business.facebook.com/direct-support',
  // Meta developer docs: message templates (131047, 131049, 132xxx).
  [LinkId.TEMPLATES]: 'https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates',
  // Meta developer docs: the 24-hour customer service window.
  [LinkId.CUSTOMER_SERVICE_WINDOW]:
    'https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows',
  // Meta developer docs: throughput and rate limits.
  [LinkId.THROUGHPUT]: 'https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput',
  // Meta developer docs: health_status.
  [LinkId.HEALTH_STATUS]: 'https://developers.facebook.com/docs/whatsapp/cloud-api/health-status',
  // Meta's support and troubleshooting page for the Cloud API, where most of the diagnosis rules come from.
  [LinkId.TROUBLESHOOTING]: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support',
  // Meta developer docs: policy enforcement (368, 131031).
  [LinkId.POLICY_ENFORCEMENT]: 'https://developers.facebook.com/docs/whatsapp/overview/policy-enforcement',
};
