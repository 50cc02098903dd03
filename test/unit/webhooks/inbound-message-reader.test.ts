import { parseWebhookPayload } from '../../../src/webhooks';
import { type InboundContent } from '../../../src/webhooks/inbound-message-reader';
import { CUSTOMER, type Json, PHONE_NUMBER_ID } from './meta-payload.fixtures';
import {
  callPermissionItem,
  customerBody,
  editItem,
  flowReplyItem,
  type ItemHead,
  revokeItem,
} from './message-change.fixtures';

const ORIGINAL = 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzRUIwQTFCMkMzRDRFNUY2QTdCOAA=';
const SENT_FLOW = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJGTE9XMDAwMDAwMDAwMDAxAA==';
const AT = 1_761_000_000;

function head(id: string, seconds = AT): ItemHead {
  return { id, timestamp: seconds, from: CUSTOMER };
}

/** What the gateway makes of one `messages[]` item, with every part of the body readable. */
function contentOf(messageItem: Json): InboundContent {
  const payload = parseWebhookPayload(customerBody(CUSTOMER, [messageItem]));
  expect(payload.unreadable).toEqual([]);
  expect(payload.inbound).toHaveLength(1);
  return payload.inbound[0]!.content;
}

/** The fields every record of `messageItem` has, as the reader fills them. */
function recordHead(messageItem: Json, id: string, rawType: string) {
  return {
    id,
    phoneNumberId: PHONE_NUMBER_ID,
    from: { waId: CUSTOMER },
    rawType,
    timestamp: AT * 1000,
    errors: [],
    raw: messageItem,
  };
}

describe('readInboundContent: edits and deletions', () => {
  it('reads an edited caption with the edited medium, naming the message it changes', () => {
    const edit = editItem(head('wamid.edit.caption'), ORIGINAL, {
      context: { id: 'M0' },
      type: 'image',
      image: {
        caption: 'The box, opened (second photo)',
        mime_type: 'image/jpeg',
        sha256: 'k4Qy0d3Zr7B0b2FhN1xPq7vY5p0=',
        id: '1452093876210934',
        url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1452093876210934',
      },
    });
    // Exactly these fields: absent ones stay absent (no `undefined` keys), and the nested context is not
    // taken for a reply of the edit's own.
    expect(contentOf(edit)).toStrictEqual({
      ...recordHead(edit, 'wamid.edit.caption', 'edit'),
      type: 'EDIT',
      changes: ORIGINAL,
      text: 'The box, opened (second photo)',
      media: {
        id: '1452093876210934',
        mimeType: 'image/jpeg',
        sha256: 'k4Qy0d3Zr7B0b2FhN1xPq7vY5p0=',
        caption: 'The box, opened (second photo)',
      },
    });
  });

  it('reads an edited text', () => {
    const edit = editItem(head('wamid.edit.text'), ORIGINAL, {
      type: 'text',
      text: { body: 'Order 1042, not 1024' },
    });
    expect(contentOf(edit)).toStrictEqual({
      ...recordHead(edit, 'wamid.edit.text', 'edit'),
      type: 'EDIT',
      changes: ORIGINAL,
      text: 'Order 1042, not 1024',
    });
  });

  it('reads a deletion for everyone as REVOKE naming the message deleted', () => {
    const revoke = revokeItem(head('wamid.revoke.1'), ORIGINAL);
    expect(contentOf(revoke)).toStrictEqual({
      ...recordHead(revoke, 'wamid.revoke.1', 'revoke'),
      type: 'REVOKE',
      changes: ORIGINAL,
    });
  });

  it('keeps an edit it cannot fully read, whole in raw, without inventing content', () => {
    const unknownContent = editItem(head('wamid.edit.poll'), ORIGINAL, { type: 'poll', poll: { q: 'x' } });
    expect(contentOf(unknownContent)).toStrictEqual({
      ...recordHead(unknownContent, 'wamid.edit.poll', 'edit'),
      type: 'EDIT',
      changes: ORIGINAL,
    });

    const noOriginal = { from: CUSTOMER, id: 'wamid.edit.bare', timestamp: String(AT), type: 'edit' };
    expect(contentOf(noOriginal)).toStrictEqual({
      ...recordHead(noOriginal, 'wamid.edit.bare', 'edit'),
      type: 'EDIT',
    });

    // An edit nested in an edit is no shape Meta sends: its content is not followed.
    const nested = editItem(head('wamid.edit.nested'), ORIGINAL, {
      type: 'edit',
      edit: { original_message_id: 'wamid.other', message: { type: 'text', text: { body: 'deep' } } },
    });
    expect(contentOf(nested)).toStrictEqual({
      ...recordHead(nested, 'wamid.edit.nested', 'edit'),
      type: 'EDIT',
      changes: ORIGINAL,
    });
  });
});

describe('readInboundContent: completed Flows', () => {
  const answers = {
    delivery_rating: '4',
    comment_text: 'Courier was early',
    flow_token: 'FT.order-1042.7c1e',
    recommend: true,
  };

  it('parses response_json, takes the flow token out of it, and keeps the reply and text as before', () => {
    const flow = flowReplyItem(head('wamid.flow.1'), JSON.stringify(answers), SENT_FLOW);
    expect(contentOf(flow)).toStrictEqual({
      ...recordHead(flow, 'wamid.flow.1', 'interactive'),
      type: 'INTERACTIVE',
      replyTo: SENT_FLOW,
      reply: { kind: 'nfm_reply', id: 'flow', title: 'Sent' },
      text: 'Sent',
      flowReply: { name: 'flow', body: 'Sent', response: answers, flowToken: 'FT.order-1042.7c1e' },
    });
  });

  it('leaves flowToken out when the answers carry none', () => {
    const { flow_token: _token, ...withoutToken } = answers;
    const flow = flowReplyItem(head('wamid.flow.2'), JSON.stringify(withoutToken), SENT_FLOW);
    expect(contentOf(flow).flowReply).toStrictEqual({ name: 'flow', body: 'Sent', response: withoutToken });
  });

  it('keeps response_json as text when it is not JSON, and takes one sent as an object as it is', () => {
    const broken = flowReplyItem(head('wamid.flow.3'), '{"delivery_rating": "4",', SENT_FLOW);
    expect(contentOf(broken).flowReply).toStrictEqual({
      name: 'flow',
      body: 'Sent',
      response: '{"delivery_rating": "4",',
    });

    const asObject: Json = {
      from: CUSTOMER,
      id: 'wamid.flow.4',
      timestamp: String(AT),
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', response_json: answers } },
    };
    expect(contentOf(asObject).flowReply).toStrictEqual({
      name: 'flow',
      response: answers,
      flowToken: 'FT.order-1042.7c1e',
    });
  });
});

describe('readInboundContent: answers to call permission requests', () => {
  const request = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJDQUxMUEVSTUlTU0lPTjAxAA==';

  it('reads an acceptance with its expiry (Unix seconds) and source', () => {
    const accept = callPermissionItem(
      head('wamid.call.accept'),
      { response: 'accept', expiration_timestamp: AT + 7 * 86_400, response_source: 'user_action' },
      request,
    );
    expect(contentOf(accept)).toStrictEqual({
      ...recordHead(accept, 'wamid.call.accept', 'interactive'),
      type: 'INTERACTIVE',
      replyTo: request,
      reply: { kind: 'call_permission_reply' },
      callPermissionReply: {
        response: 'accept',
        expiresAt: (AT + 7 * 86_400) * 1000,
        source: 'user_action',
      },
    });
  });

  it('reads a refusal without expiry, a permanent permission, and words it does not know', () => {
    const reply = (id: string, fields: Record<string, Json>) =>
      contentOf(callPermissionItem(head(id), fields, request)).callPermissionReply;
    expect(reply('wamid.call.reject', { response: 'reject', response_source: 'user_action' })).toStrictEqual({
      response: 'reject',
      source: 'user_action',
    });
    expect(
      reply('wamid.call.permanent', {
        response: 'accept',
        is_permanent: true,
        response_source: 'automatic',
      }),
    ).toStrictEqual({ response: 'accept', isPermanent: true, source: 'automatic' });
    // Digits as text are Unix seconds too; anything else is left out (it stays in raw).
    expect(
      reply('wamid.call.text', { response: 'accept', expiration_timestamp: String(AT + 60) }),
    ).toStrictEqual({ response: 'accept', expiresAt: (AT + 60) * 1000 });
    expect(
      reply('wamid.call.odd', { response: 'snooze', expiration_timestamp: 'next week', is_permanent: 'no' }),
    ).toStrictEqual({ response: 'snooze' });
  });
});
