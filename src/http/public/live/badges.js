// The coloured labels of a message's status and of a diagnosis's verdict.
import { element, t } from '/live/dom.js';

/**
 * A tone per value of the GraphQL enum `MessageStatus`, written out by hand since the page has no build
 * step: test/unit/http/live-page-documents.test.ts fails when a value of the schema has none here (its
 * badge would show in the plain text colour).
 */
const STATUS_TONES = {
  ACCEPTED: 'pending',
  HELD: 'pending',
  SENT: 'pending',
  DELIVERED: 'ok',
  READ: 'ok',
  PLAYED: 'ok',
  FAILED: 'bad',
  DELETED: 'info',
  WARNING: 'bad',
};
const VERDICT_TONES = { OK: 'ok', PENDING: 'pending', AT_RISK: 'bad', FAILED: 'bad', UNKNOWN: 'info' };

function badge(kind, value, tone) {
  return element('span', { className: 'badge', textContent: t(`${kind}.${value}`) }, [], { tone, value });
}

export const statusBadge = (status) => badge('status', status, STATUS_TONES[status]);

export const verdictBadge = (verdict) => badge('verdict', verdict, VERDICT_TONES[verdict]);
