/**
 * The two permissions a Cloud API token needs: Meta's troubleshooting page says to check, in the access
 * token debugger, that both are selected, and otherwise to generate a new token with both.
 */
export const REQUIRED_PERMISSIONS: readonly string[] = [
  'whatsapp_business_management',
  'whatsapp_business_messaging',
];

/** The subcodes Meta's error envelope carries with code 190 (token errors), and what each means. */
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
