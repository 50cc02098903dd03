import {
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
  type WireStatusName,
} from '../../src/simulator';
import { parseWebhookPayload } from '../../src/webhooks';
import { type StatusUpdate } from '../../src/messages';
import { BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID } from './bench-constants';
import { preciseNow } from './stats';

export interface StatusSpec {
  messageId: string;
  recipient: string;
  status?: WireStatusName;
  errorCode?: number;
}

export interface SignedWebhook {
  body: string;
  signature: string;
}

/** A status notification as Meta sends it: Meta's JSON escaping, signed with the bench app secret. */
export function signedStatusWebhook(statuses: readonly StatusSpec[]): SignedWebhook {
  const payload = buildStatusWebhook({
    phoneNumberId: BENCH_PHONE_NUMBER_ID,
    statuses: statuses.map((spec) =>
      buildWireStatus({
        messageId: spec.messageId,
        status: spec.status ?? 'sent',
        recipientId: spec.recipient,
        ...(spec.errorCode !== undefined && { errorCode: spec.errorCode }),
      }),
    ),
  });
  const body = serializeMetaJson(payload);
  return { body, signature: signWebhookBody(body, BENCH_APP_SECRET) };
}

/** The store updates the gateway derives from the same statuses (for floors that write Redis directly). */
export function statusUpdatesOf(statuses: readonly StatusSpec[]): StatusUpdate[] {
  const parsed = parseWebhookPayload(JSON.parse(signedStatusWebhook(statuses).body));
  const unreadable = parsed.unreadable.map((part) => `${part.path}: ${part.reason}`);
  if (unreadable.length > 0) throw new Error(`bench webhook does not parse: ${unreadable.join('; ')}`);
  return parsed.statuses;
}

let sequence = 0;
const runTag = Date.now().toString(36);

/** A fresh wamid; `t` carries the post time (µs since the epoch) so that receivers can time delivery. */
export function timedMessageId(postedAtMs = preciseNow()): string {
  sequence += 1;
  return `wamid.bench.${runTag}.${process.pid}.${sequence}.t${Math.round(postedAtMs * 1000)}`;
}

/** The post time (ms) a `timedMessageId` carries, or NaN. */
export function postTimeOf(messageId: string): number {
  const at = messageId.lastIndexOf('.t');
  return at < 0 ? Number.NaN : Number(messageId.slice(at + 2)) / 1000;
}
