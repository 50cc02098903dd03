import { assertNever } from './assert-never';
import { type ErrorDetail, type Evidence, type MessageEvidence } from './evidence';

/** The statuses the rules understand; mirrors `MessageStatus` without importing it (diagnosis stays standalone). */
export enum DeliveryStatus {
  ACCEPTED = 'ACCEPTED',
  HELD = 'HELD',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  READ = 'READ',
  PLAYED = 'PLAYED',
  FAILED = 'FAILED',
  DELETED = 'DELETED',
  WARNING = 'WARNING',
}

/** Where a status leaves the message, for the rules. */
export type DeliveryPhase = 'awaiting' | 'sent' | 'reached' | 'failed' | 'deleted' | 'warning';

/** Parses a status string (any case); null when unknown, which a rule reports instead of throwing. */
export function parseStatus(status: string): DeliveryStatus | null {
  const upper = status.toUpperCase();
  return (Object.values(DeliveryStatus) as string[]).includes(upper) ? (upper as DeliveryStatus) : null;
}

export function phaseOf(status: DeliveryStatus): DeliveryPhase {
  switch (status) {
    case DeliveryStatus.ACCEPTED:
    case DeliveryStatus.HELD:
      return 'awaiting';
    case DeliveryStatus.SENT:
      return 'sent';
    case DeliveryStatus.DELIVERED:
    case DeliveryStatus.READ:
    case DeliveryStatus.PLAYED:
      return 'reached';
    case DeliveryStatus.FAILED:
      return 'failed';
    case DeliveryStatus.DELETED:
      return 'deleted';
    case DeliveryStatus.WARNING:
      return 'warning';
    default:
      return assertNever(status);
  }
}

function phases(message: MessageEvidence): DeliveryPhase[] {
  const all = [message.status, ...message.statusHistory.map((h) => h.status)];
  return all.map(parseStatus).flatMap((s) => (s === null ? [] : [phaseOf(s)]));
}

/** True when any device confirmed the message (delivered, read or played). */
export function hasReached(message: MessageEvidence): boolean {
  return phases(message).includes('reached');
}

/** True when Meta reported `failed` at least once. */
export function hasFailed(message: MessageEvidence): boolean {
  return phases(message).includes('failed');
}

/** The first time Meta reported `status` (any case), or undefined. */
export function firstTimeOf(message: MessageEvidence, ...statuses: DeliveryStatus[]): number | undefined {
  const hit = message.statusHistory.find((h) => {
    const parsed = parseStatus(h.status);
    return parsed !== null && statuses.includes(parsed);
  });
  return hit?.timestamp;
}

/** When the message left Meta: the first `sent` status, else the time it was created. */
export function sentAt(message: MessageEvidence): number {
  return firstTimeOf(message, DeliveryStatus.SENT) ?? message.createdAt;
}

/** Every error Meta attached to the message's failed statuses, once per (code, details). */
export function messageErrors(message: MessageEvidence): ErrorDetail[] {
  // `message.errors` holds the failed statuses' errors already; the history is read too, for evidence
  // assembled by hand. A warning's errors are not failures and stay out.
  const failedEntries = message.statusHistory.filter((h) => parseStatus(h.status) === DeliveryStatus.FAILED);
  const all = [...message.errors, ...failedEntries.flatMap((h) => h.errors)];
  const seen = new Set<string>();
  return all.filter((e) => {
    const key = `${e.code}|${e.details ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every error code in the evidence: the send-time rejection and the failed statuses. */
export function allErrorCodes(evidence: Evidence): number[] {
  const codes = [
    ...(evidence.sendError ? [evidence.sendError.code] : []),
    ...(evidence.message ? messageErrors(evidence.message).map((e) => e.code) : []),
  ];
  return [...new Set(codes)];
}

/** The customer's number: the one given, else the message's. */
export function recipientOf(evidence: Evidence): string | undefined {
  return evidence.recipient ?? evidence.message?.recipient;
}

/** The moment a restriction is judged at: when the message was created, else now. */
export function momentOf(evidence: Evidence): number {
  return evidence.message?.createdAt ?? evidence.now;
}
