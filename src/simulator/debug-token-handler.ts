import { buildGraphError } from './graph-error';
import type { HandlerResult } from './http-io';
import { EXPIRED_TOKEN_MESSAGE, SimulatorToken } from './scenarios';
import type { ResolvedSimulatorOptions } from './simulator-options';
import type { WireDebugTokenData } from './wire-types';

const MANAGEMENT = 'whatsapp_business_management';
const MESSAGING = 'whatsapp_business_messaging';

/** Issued a year before the process started: a stable, plausible `issued_at`. */
const ISSUED_AT = Math.floor(Date.now() / 1000) - 365 * 24 * 3600;

/**
 * `GET /{version}/debug_token?input_token=…`. Any ordinary token is a never-expiring system-user token
 * with both WhatsApp permissions on the WABA; the scenario tokens are expired, invalid, or lack
 * whatsapp_business_messaging.
 */
export function handleDebugToken(
  inputToken: string | null,
  options: ResolvedSimulatorOptions,
): HandlerResult {
  if (inputToken === null || inputToken === '') {
    const error = buildGraphError({
      code: 100,
      message: '(#100) The parameter input_token is required',
      details: 'The parameter input_token is required.',
    });
    return { status: error.httpStatus, body: error.body };
  }
  return { status: 200, body: { data: debugTokenData(inputToken, options) } };
}

function debugTokenData(token: string, options: ResolvedSimulatorOptions): WireDebugTokenData {
  const common = { app_id: options.appId, application: options.verifiedName, data_access_expires_at: 0 };
  const now = Math.floor(Date.now() / 1000);
  switch (token) {
    case SimulatorToken.EXPIRED:
      return {
        ...common,
        type: 'USER',
        expires_at: now - 3600,
        is_valid: false,
        issued_at: now - 3600 * 3,
        scopes: [MANAGEMENT, MESSAGING],
        granular_scopes: grants(options.wabaId, [MANAGEMENT, MESSAGING]),
        error: { code: 190, subcode: 463, message: EXPIRED_TOKEN_MESSAGE },
      };
    case SimulatorToken.INVALID:
      return {
        ...common,
        type: 'USER',
        expires_at: 0,
        is_valid: false,
        scopes: [],
        granular_scopes: [],
        error: {
          code: 190,
          subcode: 467,
          message: 'Error validating access token: The access token is invalid.',
        },
      };
    case SimulatorToken.MISSING_MESSAGING:
      return systemUser(common, [MANAGEMENT], options.wabaId);
    default:
      return systemUser(common, [MANAGEMENT, MESSAGING], options.wabaId);
  }
}

function grants(wabaId: string, scopes: readonly string[]): WireDebugTokenData['granular_scopes'] {
  return scopes.map((scope) => ({ scope, target_ids: [wabaId] }));
}

function systemUser(
  common: Pick<WireDebugTokenData, 'app_id' | 'application' | 'data_access_expires_at'>,
  whatsappScopes: readonly string[],
  wabaId: string,
): WireDebugTokenData {
  return {
    ...common,
    type: 'SYSTEM_USER',
    expires_at: 0,
    is_valid: true,
    issued_at: ISSUED_AT,
    scopes: [...whatsappScopes, 'business_management'],
    granular_scopes: grants(wabaId, whatsappScopes),
    user_id: '122098765432101234',
  };
}
