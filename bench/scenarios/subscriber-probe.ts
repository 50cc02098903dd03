import { type Fleets } from '../clients/fleet-controller';
import { postStatuses } from '../support/webhook-poster';
import { timedMessageId } from '../support/webhook-bodies';
import { delay } from '../support/stats';

/**
 * Posts probe webhooks (every recipient, every target) until each subscriber has received one: a
 * subscription is only known to be live once an event came through it.
 */
export async function probeUntilLive(
  fleets: Fleets,
  targets: readonly string[],
  recipients: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; ; round += 1) {
    const target = targets[round % targets.length] as string;
    await postStatuses(
      target,
      recipients.map((recipient) => ({ messageId: timedMessageId(), recipient, status: 'sent' as const })),
    );
    await delay(300);
    const counts = await fleets.counts();
    if (counts.minPerSubscriber >= 1) return;
    if (Date.now() > deadline) {
      throw new Error(
        `subscribers not live after ${timeoutMs} ms (fewest events: ${counts.minPerSubscriber})`,
      );
    }
  }
}

/** Waits until `received` reaches `expected` or stops moving for `quietMs`, within `timeoutMs`. */
export async function drain(
  fleets: Fleets,
  expected: number,
  quietMs: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  while (Date.now() < deadline) {
    const { received } = await fleets.counts();
    if (received >= expected) return;
    if (received !== last) {
      last = received;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > quietMs) return;
    await delay(100);
  }
}

/** Lets late events (probes, a previous phase) arrive before counters are reset: quiet for `quietMs`. */
export async function settle(fleets: Fleets, quietMs = 1_000, timeoutMs = 20_000): Promise<void> {
  await drain(fleets, Number.POSITIVE_INFINITY, quietMs, timeoutMs);
}
