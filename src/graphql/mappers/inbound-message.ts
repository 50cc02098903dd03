import { type ContactRecord } from '../../contacts';
import { type InboundMessageRecord } from '../../conversations';
import { pricingValue } from '../types/conversation.type';
import { CallPermissionResponse } from '../types/inbound-reply.type';
import { type InboundMessage } from '../types/inbound-message.type';
import { toMessageError } from './message-mappers';

/**
 * An inbound message as GraphQL shows it; the record rides along for `from`, and so does the sender's
 * contact when the caller already read it (a conversation page reads it once for all its messages).
 */
export type InboundMessageView = Omit<InboundMessage, 'from'> & {
  record: InboundMessageRecord;
  sender: ContactRecord | null;
};

export function toInboundMessage(
  record: InboundMessageRecord,
  sender: ContactRecord | null = null,
): InboundMessageView {
  return {
    record,
    sender,
    id: record.id,
    phoneNumberId: record.phoneNumberId,
    type: record.type,
    timestamp: new Date(record.timestamp),
    receivedAt: new Date(record.receivedAt),
    text: record.text ?? null,
    media: record.media
      ? {
          id: record.media.id,
          mimeType: record.media.mimeType ?? null,
          sha256: record.media.sha256 ?? null,
          caption: record.media.caption ?? null,
          filename: record.media.filename ?? null,
          url: `/media/${encodeURIComponent(record.media.id)}`,
        }
      : null,
    location: record.location
      ? {
          latitude: record.location.latitude,
          longitude: record.location.longitude,
          name: record.location.name ?? null,
          address: record.location.address ?? null,
        }
      : null,
    reply: record.reply
      ? { kind: record.reply.kind, id: record.reply.id ?? null, title: record.reply.title ?? null }
      : null,
    reaction: record.reaction
      ? { messageId: record.reaction.messageId, emoji: record.reaction.emoji ?? null }
      : null,
    flowReply: record.flowReply
      ? {
          name: record.flowReply.name ?? null,
          body: record.flowReply.body ?? null,
          response: record.flowReply.response ?? null,
          flowToken: record.flowReply.flowToken ?? null,
        }
      : null,
    callPermissionReply: record.callPermissionReply
      ? {
          response: pricingValue(CallPermissionResponse, record.callPermissionReply.response),
          rawResponse: record.callPermissionReply.response ?? null,
          expiresAt: dateOrNull(record.callPermissionReply.expiresAt),
          source: record.callPermissionReply.source ?? null,
          isPermanent: record.callPermissionReply.isPermanent ?? null,
        }
      : null,
    replyTo: record.replyTo ?? null,
    changes: record.changes ?? null,
    editedAt: dateOrNull(record.editedAt),
    revokedAt: dateOrNull(record.revokedAt),
    errors: record.errors.map(toMessageError),
    raw: record.raw,
  };
}

function dateOrNull(millis: number | undefined): Date | null {
  return millis === undefined ? null : new Date(millis);
}
