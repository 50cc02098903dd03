/**
 * The statuses a message can have. `ACCEPTED` and `HELD` come from the send response; the others from
 * Meta's status webhooks.
 */
export enum MessageStatus {
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
