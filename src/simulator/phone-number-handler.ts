import { buildGraphError } from './graph-error';
import type { HandlerResult } from './http-io';
import { phoneNumberProfile } from './phone-number-profiles';
import type { ResolvedSimulatorOptions } from './simulator-options';
import type { WirePhoneNumberFields } from './wire-types';

/** What Meta returns when `fields` is not given. */
const DEFAULT_FIELDS: readonly (keyof WirePhoneNumberFields)[] = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'platform_type',
  'throughput',
];

/** Meta's answer to reading an object that does not exist (or that the token cannot see). */
export function unsupportedRequest(method: 'get' | 'post', id: string): HandlerResult {
  const error = buildGraphError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message:
      `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing ` +
      'permissions, or does not support this operation. Please read the Graph API documentation at ' +
      'https://developers.facebook.com/docs/graph-api',
  });
  return { status: error.httpStatus, body: error.body };
}

/**
 * Top-level names of a `fields` list. Nested selections (`health_status{can_send_message,entities}`)
 * select the whole field here, so commas inside braces do not split.
 */
export function splitFields(fieldsParam: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of fieldsParam) {
    if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === ',') {
      names.push(current.trim());
      current = '';
    } else if (depth === 0) current += char;
  }
  names.push(current.trim());
  return names.filter((name) => name.length > 0);
}

/** `GET /{version}/{phone-number-id}?fields=…`: only the asked fields, plus `id`. */
export function handlePhoneNumber(
  id: string,
  fieldsParam: string | null,
  options: ResolvedSimulatorOptions,
): HandlerResult {
  const profile = phoneNumberProfile(id, options);
  if (profile === undefined) return unsupportedRequest('get', id);
  const requested =
    fieldsParam === null || fieldsParam.trim() === '' ? DEFAULT_FIELDS : splitFields(fieldsParam);
  const body: Record<string, unknown> = {};
  for (const field of requested) {
    if (field === 'id') continue;
    if (!Object.hasOwn(profile, field)) {
      const error = buildGraphError({
        code: 100,
        message: `(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessPhoneNumber)`,
      });
      return { status: error.httpStatus, body: error.body };
    }
    body[field] = profile[field as keyof WirePhoneNumberFields];
  }
  body.id = id;
  return { status: 200, body };
}
