import { type EpochMillis } from '../store-kit';
import { PAUSES_BEFORE_DISABLED } from './status-problems';
import { rejectedReasonOf, type TemplateRecord, TemplateStatus, templateStatusOf } from './template-record';

const HOUR_MS = 3_600_000;

/** Meta's pause lengths for low quality: 3 h the first time, 6 h the second; the third disables it. */
export const FIRST_PAUSE_MS = 3 * HOUR_MS;
export const SECOND_PAUSE_MS = 6 * HOUR_MS;

/** A `message_template_status_update` as the rules need it. */
export interface TemplateStatusEvent {
  /** Meta's `event`: a status, or an event that leaves the status (FLAGGED, LOCKED, …). */
  event: string;
  /** Meta's `reason` (a rejection reason, or `NONE`). */
  reason?: string | null;
  /** `disable_info.disable_date`, in epoch ms. */
  disableDate?: EpochMillis;
}

/** Events that end a pause or a flag: Meta says the template is sendable again. */
const BACK_TO_APPROVED = new Set(['APPROVED', 'REINSTATED', 'UNARCHIVED']);
/** Events that say something about the template but not that its status changed. */
const STATUS_KEPT = new Set(['LOCKED', 'UNLOCKED']);

/**
 * The record after a status event that happened `at`, or `undefined` when it changes nothing: an event
 * older than the status it would replace, a repeat (Meta delivers webhooks more than once, so a second
 * PAUSED during a pause is the same pause), or an event that leaves the status.
 */
export function applyStatusEvent(
  record: TemplateRecord,
  event: TemplateStatusEvent,
  at: EpochMillis,
): TemplateRecord | undefined {
  if (record.statusChangedAt !== undefined && at < record.statusChangedAt) return undefined;
  const name = event.event.toUpperCase();
  if (STATUS_KEPT.has(name)) return undefined;
  if (name === 'FLAGGED') return record.flaggedAt === undefined ? { ...record, flaggedAt: at } : undefined;
  if (name === 'PAUSED') return record.status === TemplateStatus.PAUSED ? undefined : paused(record, at);
  const status = BACK_TO_APPROVED.has(name) ? TemplateStatus.APPROVED : templateStatusOf(name);
  if (status === record.status && status !== TemplateStatus.REJECTED) {
    if (status !== TemplateStatus.APPROVED || record.flaggedAt === undefined) return undefined;
  }
  const next: TemplateRecord = withoutPauseAndFlag({ ...record, status, statusChangedAt: at });
  if (status === TemplateStatus.REJECTED) next.rejectedReason = rejectedReasonOf(event.reason);
  if (status === TemplateStatus.APPROVED) next.rejectedReason = null;
  if (status === TemplateStatus.DISABLED) next.disabledAt = event.disableDate ?? at;
  return next;
}

/** A pause: its window from Meta's schedule, or DISABLED when it is the third. */
function paused(record: TemplateRecord, at: EpochMillis): TemplateRecord {
  const pauseCount = record.pauseCount + 1;
  if (pauseCount >= PAUSES_BEFORE_DISABLED) {
    // Meta disables it itself and says so; deriving it here refuses the send even if that webhook is lost.
    return {
      ...withoutPauseAndFlag(record),
      status: TemplateStatus.DISABLED,
      pauseCount,
      disabledAt: at,
      statusChangedAt: at,
    };
  }
  return {
    ...withoutPauseAndFlag(record),
    status: TemplateStatus.PAUSED,
    pauseCount,
    pausedUntil: at + (pauseCount === 1 ? FIRST_PAUSE_MS : SECOND_PAUSE_MS),
    statusChangedAt: at,
  };
}

function withoutPauseAndFlag(record: TemplateRecord): TemplateRecord {
  const copy = { ...record };
  delete copy.pausedUntil;
  delete copy.flaggedAt;
  delete copy.disabledAt;
  return copy;
}
