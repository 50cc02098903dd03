import { Agent, request } from 'undici';
import { delay, preciseNow } from './stats';
import { signedStatusWebhook, timedMessageId, type StatusSpec } from './webhook-bodies';

const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });

/** POSTs one signed status webhook; throws unless the gateway answers 200. */
export async function postStatuses(baseUrl: string, statuses: readonly StatusSpec[]): Promise<void> {
  const { body, signature } = signedStatusWebhook(statuses);
  const response = await request(`${baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
}

export interface PostedEvents {
  /** Message ids posted, by recipient. */
  byRecipient: Record<string, string[]>;
  posted: number;
  failed: number;
}

/** One status per webhook for a fresh message, `recipients` in turn, targets in turn. */
function nextStatus(recipients: readonly string[], index: number): StatusSpec {
  return {
    messageId: timedMessageId(),
    recipient: recipients[index % recipients.length] as string,
    status: 'sent',
  };
}

function record(events: PostedEvents, spec: StatusSpec): void {
  (events.byRecipient[spec.recipient] ??= []).push(spec.messageId);
}

/** Webhooks at a steady `perSecond` for `seconds`, on absolute deadlines so that slow answers do not slow the rate. */
export async function postSteadily(
  targets: readonly string[],
  recipients: readonly string[],
  perSecond: number,
  seconds: number,
): Promise<PostedEvents> {
  const events: PostedEvents = { byRecipient: {}, posted: 0, failed: 0 };
  const total = Math.round(perSecond * seconds);
  const started = Date.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const wait = started + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await delay(wait);
    const spec = nextStatus(recipients, i);
    record(events, spec);
    events.posted += 1;
    inFlight.push(
      postStatuses(targets[i % targets.length] as string, [spec]).catch(() => {
        events.failed += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  return events;
}

/**
 * As many webhooks as `concurrency` loops can post for `seconds`; each answer's time (ms) goes to
 * `latencies` when given.
 */
export async function postBurst(
  targets: readonly string[],
  recipients: readonly string[],
  concurrency: number,
  seconds: number,
  latencies?: number[],
): Promise<PostedEvents> {
  const events: PostedEvents = { byRecipient: {}, posted: 0, failed: 0 };
  const until = Date.now() + seconds * 1000;
  let index = 0;
  const loop = async (): Promise<void> => {
    while (Date.now() < until) {
      const spec = nextStatus(recipients, index);
      index += 1;
      record(events, spec);
      events.posted += 1;
      const started = preciseNow();
      await postStatuses(targets[index % targets.length] as string, [spec]).then(
        () => latencies?.push(preciseNow() - started),
        () => {
          events.failed += 1;
        },
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return events;
}

export async function closePoster(): Promise<void> {
  await agent.close();
}
