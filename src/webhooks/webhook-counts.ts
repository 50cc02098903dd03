import { type AccountEventKind, type NewAccountEvent } from '../account-events';
import { type ApplyOutcome, type MessageStatus, type StatusUpdate } from '../messages';

/** What became of one status of a notification: stored, dropped as a retry, or not stored (store failed). */
export type StatusOutcome = 'applied' | 'duplicate' | 'failed';

/** One row of the metrics hook: how many statuses of one kind had one outcome. */
export interface StatusCount {
  status: MessageStatus;
  outcome: StatusOutcome;
  count: number;
}

/** What one accepted-for-processing notification amounted to; handed to the metrics hook. */
export interface WebhookEventCounts {
  /** Non-zero rows only, in order of first appearance in the body. */
  statuses: StatusCount[];
  /** Statuses skipped because Meta's word for them is unknown to the gateway. */
  unknownStatuses: number;
  /** Inbound customer messages in the body. */
  inbound: number;
  /** Parts of the body that could not be read (each kept as a `WEBHOOK_ERROR` account event). */
  unreadable: number;
  /** Account events the body made, by kind (non-zero rows only). */
  accountEvents: AccountEventCount[];
  /** Changes of the `calls` field (their calls are stored as call events, never as messages). */
  calls: number;
}

export interface AccountEventCount {
  kind: AccountEventKind;
  count: number;
}

/** Account events counted by kind, in order of first appearance. */
export function countAccountEvents(events: readonly NewAccountEvent[]): AccountEventCount[] {
  const rows = new Map<AccountEventKind, AccountEventCount>();
  for (const event of events) {
    const row = rows.get(event.kind);
    if (row) row.count += 1;
    else rows.set(event.kind, { kind: event.kind, count: 1 });
  }
  return [...rows.values()];
}

/**
 * Counts statuses by kind and outcome. `outcomes` is aligned with `updates`; `null` means the store
 * failed, so every status of the body counts as `failed` (Meta will deliver them again).
 */
export function countStatuses(
  updates: readonly StatusUpdate[],
  outcomes: readonly ApplyOutcome[] | null,
): StatusCount[] {
  const rows = new Map<string, StatusCount>();
  updates.forEach((update, index) => {
    const outcome = outcomeOf(outcomes, index);
    const key = `${update.status}:${outcome}`;
    const row = rows.get(key);
    if (row) row.count += 1;
    else rows.set(key, { status: update.status, outcome, count: 1 });
  });
  return [...rows.values()];
}

function outcomeOf(outcomes: readonly ApplyOutcome[] | null, index: number): StatusOutcome {
  if (outcomes === null) return 'failed';
  const outcome = outcomes[index];
  // A store that answered fewer outcomes than updates broke its contract; count the gap as not stored.
  if (outcome === undefined) return 'failed';
  switch (outcome.kind) {
    case 'applied':
      return 'applied';
    case 'duplicate':
      return 'duplicate';
    default:
      return unreachable(outcome);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled apply outcome: ${JSON.stringify(value)}`);
}
