import { type InboundCallPermissionReply, type InboundFlowReply, type JsonValue } from '../conversations';
import { boolean, withoutUndefined, type Json, number, object, string } from './json-fields';

/**
 * A completed Flow (`interactive.nfm_reply`): `response_json` is the customer's answers as JSON text. Text
 * that does not parse is kept as it is, and a `response_json` already sent as an object is taken as sent,
 * so that no answer is lost whatever the shape.
 */
export function readFlowReply(reply: Json): InboundFlowReply {
  const sent = reply['response_json'] as JsonValue | undefined;
  const response = typeof sent === 'string' ? parseJson(sent) : sent;
  return withoutUndefined<InboundFlowReply>({
    name: string(reply['name']),
    body: string(reply['body']),
    response,
    flowToken: string(object(response)['flow_token']),
  });
}

/**
 * The customer's answer to a call permission request (`interactive.call_permission_reply`). The words
 * are kept as Meta sent them; an expiry that is not Unix seconds is left out (it stays in `raw`).
 */
export function readCallPermissionReply(reply: Json): InboundCallPermissionReply {
  const expires = number(reply['expiration_timestamp']);
  return withoutUndefined<InboundCallPermissionReply>({
    response: string(reply['response']),
    expiresAt:
      expires !== undefined && Number.isSafeInteger(expires) && expires >= 0 ? expires * 1000 : undefined,
    source: string(reply['response_source']),
    isPermanent: boolean(reply['is_permanent']),
  });
}

function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
