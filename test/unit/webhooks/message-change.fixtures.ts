/*
 * `messages[]` items in the shapes Meta sends for a customer's edits and deletions, completed Flows and
 * answers to call permission requests (our own values), and a body to carry them.
 */
import { change, type Json, messagesValue, notification } from './meta-payload.fixtures';

export interface ItemHead {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** The customer's number (digits). */
  from: string;
}

function item(head: ItemHead, fields: Record<string, Json>): Json {
  return { from: head.from, id: head.id, timestamp: String(head.timestamp), ...fields };
}

/** A customer edited `original`: the new content is a whole message (`type` and its object). */
export function editItem(head: ItemHead, original: string, message: Record<string, Json>): Json {
  return item(head, { type: 'edit', edit: { original_message_id: original, message } });
}

/** A customer deleted `original` for everyone. */
export function revokeItem(head: ItemHead, original: string): Json {
  return item(head, { type: 'revoke', revoke: { original_message_id: original } });
}

/** A text message. */
export function textItem(head: ItemHead, body: string): Json {
  return item(head, { type: 'text', text: { body } });
}

/** A completed Flow; `responseJson` is sent as the text Meta sends (a JSON document, or anything). */
export function flowReplyItem(head: ItemHead, responseJson: string, context: string): Json {
  return item(head, {
    context: { from: '15550783881', id: context },
    type: 'interactive',
    interactive: {
      type: 'nfm_reply',
      nfm_reply: { response_json: responseJson, body: 'Sent', name: 'flow' },
    },
  });
}

/** An answer to a call permission request, with the fields of `reply` as sent. */
export function callPermissionItem(head: ItemHead, reply: Record<string, Json>, context: string): Json {
  return item(head, {
    context: { from: '15550783881', id: context },
    type: 'interactive',
    interactive: { type: 'call_permission_reply', call_permission_reply: reply },
  });
}

/** A messages webhook carrying `items` from one customer, with `contacts[]` as Meta sends them. */
export function customerBody(customer: string, items: Json[], phoneNumberId?: string): Json {
  return notification([
    [
      change(
        messagesValue({
          ...(phoneNumberId !== undefined && { phoneNumberId }),
          contacts: [{ profile: { name: 'Mei Lin' }, wa_id: customer }],
          messages: items,
        }),
      ),
    ],
  ]);
}
