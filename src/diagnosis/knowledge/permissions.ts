/** Seed, "Authentication and authorization errors": the two permissions a Cloud API token needs. */
export const REQUIRED_PERMISSIONS: readonly string[] = [
  'whatsapp_business_management',
  'whatsapp_business_messaging',
];

/** meta-cloud-api.md "Errors": the subcodes Meta sends with code 190 and what each means. */
export enum TokenSubcode {
  APP_NOT_INSTALLED = 458,
  PASSWORD_CHANGED = 460,
  EXPIRED = 463,
  INVALID = 467,
  INVALID_SESSION = 492,
}

export const KNOWN_TOKEN_SUBCODES: readonly number[] = [
  TokenSubcode.APP_NOT_INSTALLED,
  TokenSubcode.PASSWORD_CHANGED,
  TokenSubcode.EXPIRED,
  TokenSubcode.INVALID,
  TokenSubcode.INVALID_SESSION,
];
