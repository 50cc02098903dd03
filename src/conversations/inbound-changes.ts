import { type InboundMessageRecord, InboundMessageType } from './inbound-message';
import { compareNewestFirst } from '../store-kit';

/**
 * What a customer did later to one of their messages, as a store keeps it beside the message: the latest
 * edit and the revocation, each the `EDIT` or `REVOKE` message itself. Kept apart from the message (never
 * written into it), so that a change that arrives before its message, or for one never stored, still counts.
 */
export interface InboundChanges {
  edit?: InboundMessageRecord;
  revoke?: InboundMessageRecord;
}

export type InboundChangeKind = keyof InboundChanges;

/** Which message `message` changes and how; null for a message that changes none. */
export function changeOf(message: InboundMessageRecord): { kind: InboundChangeKind; target: string } | null {
  if (message.changes === undefined) return null;
  if (message.type === InboundMessageType.EDIT) return { kind: 'edit', target: message.changes };
  if (message.type === InboundMessageType.REVOKE) return { kind: 'revoke', target: message.changes };
  return null;
}

/**
 * Whether `candidate` replaces `kept` as the change that counts: the later by Meta's time, ties by wamid in
 * byte order (as the Redis script decides), so that every store keeps the same one in any arrival order.
 */
export function supersedes(candidate: InboundMessageRecord, kept: InboundMessageRecord | undefined): boolean {
  if (kept === undefined) return true;
  return (
    compareNewestFirst(
      { createdAt: candidate.timestamp, id: candidate.id },
      { createdAt: kept.timestamp, id: kept.id },
    ) < 0
  );
}

/**
 * The message as the customer now shows it: with an edit, its text and medium are the edit's and
 * `editedAt` says when; with a revocation, `revokedAt` says when (the content stays, for the business's
 * records; a UI shows it as deleted). An edit whose new content the gateway cannot read keeps the old.
 */
export function withChanges(message: InboundMessageRecord, changes: InboundChanges): InboundMessageRecord {
  const { edit, revoke } = changes;
  if (edit === undefined && revoke === undefined) return message;
  const view: InboundMessageRecord = { ...message };
  if (edit !== undefined) {
    view.editedAt = edit.timestamp;
    if (edit.media !== undefined) view.media = edit.media;
    // A medium without a caption is a caption removed; other content the gateway cannot read changes nothing.
    if (edit.text !== undefined) view.text = edit.text;
    else if (edit.media !== undefined) delete view.text;
  }
  if (revoke !== undefined) view.revokedAt = revoke.timestamp;
  return view;
}
