import { type InboundMessageRecord, InboundMessageType, type InboundReply } from '../conversations';
import { type MessageErrorDetail } from '../messages';
import { readCallPermissionReply, readFlowReply } from './interactive-reply-reader';
import { boolean, withoutUndefined, type Json, number, object, string } from './json-fields';
import { type EpochMillis } from '../store-kit';

/** An inbound message as read from a webhook; the handler stamps when it was received. */
export type InboundContent = Omit<InboundMessageRecord, 'receivedAt'>;

const MEDIA_TYPES: ReadonlyMap<string, InboundMessageType> = new Map([
  ['image', InboundMessageType.IMAGE],
  ['audio', InboundMessageType.AUDIO],
  ['video', InboundMessageType.VIDEO],
  ['document', InboundMessageType.DOCUMENT],
  ['sticker', InboundMessageType.STICKER],
]);

const OTHER_TYPES: ReadonlyMap<string, InboundMessageType> = new Map([
  ['text', InboundMessageType.TEXT],
  ['location', InboundMessageType.LOCATION],
  ['contacts', InboundMessageType.CONTACTS],
  ['interactive', InboundMessageType.INTERACTIVE],
  ['button', InboundMessageType.BUTTON],
  ['reaction', InboundMessageType.REACTION],
  ['order', InboundMessageType.ORDER],
  ['system', InboundMessageType.SYSTEM],
  ['edit', InboundMessageType.EDIT],
  ['revoke', InboundMessageType.REVOKE],
]);

/** What was already read of a `messages[]` item: who wrote, when, and its wamid. */
interface MessageHead {
  id: string;
  waId?: string;
  userId?: string;
  phoneNumberId: string;
  timestamp: EpochMillis;
}

/**
 * What the customer sent, from one `messages[]` item whose id, sender and timestamp were already read. Meta
 * adds types and fields over time: what is not modelled here stays in `raw`, and a type the gateway does not
 * know is stored as `UNSUPPORTED` with its own word in `rawType`, never refused.
 */
export function readInboundContent(
  raw: Json,
  head: MessageHead,
  errors: MessageErrorDetail[],
): InboundContent {
  const rawType = typeof raw['type'] === 'string' ? raw['type'] : 'unknown';
  const content: InboundContent = {
    id: head.id,
    phoneNumberId: head.phoneNumberId,
    from: withoutUndefined({ waId: head.waId, userId: head.userId }),
    type: MEDIA_TYPES.get(rawType) ?? OTHER_TYPES.get(rawType) ?? InboundMessageType.UNSUPPORTED,
    rawType,
    timestamp: head.timestamp,
    errors,
    raw,
  };
  const replyTo = string(object(raw['context'])['id']);
  if (replyTo !== undefined) content.replyTo = replyTo;
  const body = object(raw[rawType]);

  if (MEDIA_TYPES.has(rawType)) {
    const id = string(body['id']);
    if (id !== undefined) {
      content.media = withoutUndefined({
        id,
        mimeType: string(body['mime_type']),
        sha256: string(body['sha256']),
        caption: string(body['caption']),
        filename: string(body['filename']),
        voice: boolean(body['voice']),
        animated: boolean(body['animated']),
      });
      if (content.media.caption !== undefined) content.text = content.media.caption;
    }
    return content;
  }
  switch (content.type) {
    case InboundMessageType.TEXT:
      setText(content, string(body['body']));
      break;
    case InboundMessageType.LOCATION: {
      const latitude = number(body['latitude']);
      const longitude = number(body['longitude']);
      if (latitude !== undefined && longitude !== undefined) {
        content.location = withoutUndefined({
          latitude,
          longitude,
          name: string(body['name']),
          address: string(body['address']),
          url: string(body['url']),
        });
      }
      break;
    }
    case InboundMessageType.INTERACTIVE: {
      const kind = string(body['type']);
      if (kind !== undefined) {
        const chosen = object(body[kind]);
        content.reply = withoutUndefined<InboundReply>({
          kind,
          id: string(chosen['id']) ?? string(chosen['name']),
          title: string(chosen['title']) ?? string(chosen['body']),
          description: string(chosen['description']),
        });
        setText(content, content.reply.title);
        if (kind === 'nfm_reply') content.flowReply = readFlowReply(chosen);
        if (kind === 'call_permission_reply') content.callPermissionReply = readCallPermissionReply(chosen);
      }
      break;
    }
    case InboundMessageType.EDIT:
      readEdit(content, body, head);
      break;
    case InboundMessageType.REVOKE:
      setChanges(content, body['original_message_id']);
      break;
    case InboundMessageType.BUTTON:
      content.reply = withoutUndefined<InboundReply>({
        kind: 'button',
        id: string(body['payload']),
        title: string(body['text']),
      });
      setText(content, content.reply.title);
      break;
    case InboundMessageType.REACTION: {
      const messageId = string(body['message_id']);
      if (messageId !== undefined)
        content.reaction = withoutUndefined({ messageId, emoji: string(body['emoji']) });
      break;
    }
    case InboundMessageType.ORDER:
      setText(content, string(body['text']));
      break;
    case InboundMessageType.SYSTEM:
      setText(content, string(body['body']));
      break;
    default:
      break;
  }
  return content;
}

function setText(content: InboundContent, text: string | undefined): void {
  if (text !== undefined) content.text = text;
}

/**
 * An edit: the message it changes, and its new content read like any message's (the new content's own type
 * word and context stay in `raw`). An edit nested in an edit is no shape Meta sends, and is not followed.
 */
function readEdit(content: InboundContent, edit: Json, head: MessageHead): void {
  setChanges(content, edit['original_message_id']);
  const message = object(edit['message']);
  const type = string(message['type']);
  if (type === 'edit' || type === 'revoke') return;
  const { text, media, location, reply, reaction, flowReply, callPermissionReply } = readInboundContent(
    message,
    head,
    [],
  );
  Object.assign(
    content,
    withoutUndefined({ text, media, location, reply, reaction, flowReply, callPermissionReply }),
  );
}

function setChanges(content: InboundContent, originalId: unknown): void {
  const changes = string(originalId);
  if (changes !== undefined) content.changes = changes;
}
