import { request } from 'undici';
import { serializeMetaJson, signWebhookBody } from '../../src/simulator';

export interface WebhookAnswer {
  status: number;
  body: string;
}

/** Posts raw bytes to the gateway's `/webhooks/whatsapp` with whatever headers are given. */
export async function postWebhookBytes(
  gatewayUrl: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<WebhookAnswer> {
  const response = await request(`${gatewayUrl}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.statusCode, body: await response.body.text() };
}

/** Posts a body as Meta does: serialised Meta's way, signed with `secret` over the exact bytes. */
export async function postSignedJson(
  gatewayUrl: string,
  payload: unknown,
  secret: string,
): Promise<WebhookAnswer> {
  const body = serializeMetaJson(payload);
  return postWebhookBytes(gatewayUrl, body, { 'x-hub-signature-256': signWebhookBody(body, secret) });
}
