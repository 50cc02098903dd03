import { randomBytes, randomInt } from 'node:crypto';
import {
  buildStatusWebhook,
  buildWireStatus,
  type WireStatus,
  type WireStatusInput,
} from '../../../../src/simulator';
import { postSignedJson as postSignedWith, type WebhookAnswer } from '../../../support/webhook-client';

export { postWebhookBytes, type WebhookAnswer } from '../../../support/webhook-client';

/** The webhook secrets every live test gateway is started with, so that tests can sign like Meta. */
export const APP_SECRET = 'live-test-app-secret-5f0c2a';
export const VERIFY_TOKEN = 'live-test-verify-token-91d4';

/** A phone-number id no other test file uses: subscriptions filtered on it see only this file's events. */
export function uniquePhoneNumberId(): string {
  return `9${String(randomInt(10 ** 9, 10 ** 10))}${String(randomInt(1000, 10000))}`;
}

/** A wamid-looking id, unique per call. */
export function newWamid(): string {
  return `wamid.LIVE${randomBytes(12).toString('hex').toUpperCase()}`;
}

/** Posts a body signed as Meta signs it, with the live tests' app secret unless told otherwise. */
export function postSignedJson(
  gatewayUrl: string,
  payload: unknown,
  secret = APP_SECRET,
): Promise<WebhookAnswer> {
  return postSignedWith(gatewayUrl, payload, secret);
}

export interface StatusSpec extends WireStatusInput {
  /** The business number in the body's metadata. Default: the simulator's. */
  phoneNumberId?: string;
}

/** One status as a Meta status webhook body (not yet serialised). */
export function statusWebhook(spec: StatusSpec): ReturnType<typeof buildStatusWebhook> {
  const { phoneNumberId, ...status } = spec;
  return buildStatusWebhook({
    ...(phoneNumberId !== undefined && { phoneNumberId }),
    statuses: [buildWireStatus(status)],
  });
}

/** Posts one status; fails the test unless the gateway took it (200). */
export async function postStatus(gatewayUrl: string, spec: StatusSpec): Promise<void> {
  const answer = await postSignedJson(gatewayUrl, statusWebhook(spec));
  if (answer.status !== 200) {
    throw new Error(`webhook for ${spec.messageId} ${spec.status} answered ${answer.status}: ${answer.body}`);
  }
}

/** Posts several statuses in one body (Meta may batch), in the order given. */
export async function postStatuses(
  gatewayUrl: string,
  statuses: WireStatus[],
  phoneNumberId?: string,
): Promise<WebhookAnswer> {
  return postSignedJson(
    gatewayUrl,
    buildStatusWebhook({ ...(phoneNumberId !== undefined && { phoneNumberId }), statuses }),
  );
}
